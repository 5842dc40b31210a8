package vn.paknhub.sla;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.paknhub.bus.CaseEventBus;

@Configuration
class SlaConfiguration {

    @Bean
    ProcessingPeriods processingPeriods(@org.springframework.beans.factory.annotation.Value(
            "${hub.sla.processing-periods-file}") java.nio.file.Path file, vn.paknhub.intake.FieldCatalogue fields)
            throws java.io.IOException {
        return ProcessingPeriods.load(file, fields);
    }

    /** Windows announced since the clocks started move their due days, once the hub is up. */
    @Bean
    org.springframework.boot.ApplicationRunner maintenanceRecount(CaseClocks clocks) {
        return args -> clocks.recount();
    }

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

                // clustered Quartz: one node at a time runs the scan; the row claims inside keep each step once anyway
                from("quartz://sla/deadline-scan?trigger.repeatInterval={{hub.sla.scan-interval-ms}}"
                        + "&trigger.repeatCount=-1&triggerStartDelay=10000&stateful=true&usingFixedCamelContextName=true")
                        .routeId("sla-scan")
                        .bean(DeadlineScan.class, "scan");
            }
        };
    }
}
