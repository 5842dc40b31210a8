package vn.paknhub.statistics;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import vn.paknhub.bus.CaseEventBus;

@Component
class StatisticsRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from(CaseEventBus.consumerUri(CaseEventTally.CONSUMER))
                .routeId("statistics-tally")
                .onException(CaseEventTally.MalformedEvent.class).handled(true)
                    .bean(CaseEventTally.class, "park(${body}, ${header.kafka.KEY}, ${exception})")
                    .process(CaseEventBus::commitOffset)
                .end()
                .convertBodyTo(String.class)
                .bean(CaseEventTally.class, "apply")
                .process(CaseEventBus::commitOffset);
    }
}
