package vn.paknhub.sla;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.paknhub.bus.CaseEventBus;

@Configuration
class SlaConfiguration {

    /** Every case event moves the case's clocks, once, in the order of the case's events. */
    @Bean
    RouteBuilder slaClockRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(CaseEventBus.batchConsumerUri(ClockKeeper.CONSUMER))
                        .routeId("sla-clocks")
                        .bean(ClockKeeper.class, "keep")
                        .process(CaseEventBus::commitBatch);
            }
        };
    }
}
