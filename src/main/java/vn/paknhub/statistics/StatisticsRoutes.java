package vn.paknhub.statistics;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import vn.paknhub.bus.CaseEventBus;

@Component
class StatisticsRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from(CaseEventBus.batchConsumerUri(CaseEventTally.CONSUMER))
                .routeId("statistics-tally")
                .bean(CaseEventTally.class, "apply")
                .process(CaseEventBus::commitBatch);
    }
}
