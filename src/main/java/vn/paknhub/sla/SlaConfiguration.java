package vn.paknhub.sla;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.paknhub.bus.CaseEventBus;

@Configuration
class SlaConfiguration {

    /** Every case event moves the case's clocks, once, in the order of the case's events; a timer acts on passed days. */
    @Bean
    RouteBuilder slaClockRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(CaseEventBus.batchConsumerUri(ClockKeeper.CONSUMER))
                        .routeId("sla-clocks")
                        .bean(ClockKeeper.class, "keep")
                        .process(CaseEventBus::commitBatch);

                from("timer:sla-scan?delay=10000&period={{hub.sla.scan-interval-ms}}")
                        .routeId("sla-scan")
                        .bean(DeadlineScan.class, "scan");
            }
        };
    }
}
