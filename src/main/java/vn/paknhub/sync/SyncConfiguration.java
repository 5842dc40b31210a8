package vn.paknhub.sync;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.paknhub.bus.CaseEventBus;

@Configuration
class SyncConfiguration {

    @Bean
    RouteBuilder handlerSyncRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(CaseEventBus.batchConsumerUri(HandlerUpdatePlanner.CONSUMER))
                        .routeId("handler-sync")
                        .bean(HandlerUpdatePlanner.class, "plan")
                        .process(CaseEventBus::commitBatch);
            }
        };
    }
}
