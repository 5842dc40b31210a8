package vn.paknhub.routing;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.bus.CaseEventBus;
import vn.paknhub.casefile.CaseSettings;

@Configuration
class RoutingConfiguration {

    @Bean
    Classifier classifier(AgencyDirectory directory) {
        return VocabularyClassifier.fromResources(directory, getClass().getClassLoader());
    }

    @Bean
    RoutingPolicy routingPolicy(AgencyDirectory directory, RoutingSettings settings, CaseSettings cases) {
        return new RoutingPolicy(directory, settings, cases.centralOffice());
    }

    @Bean
    RouteBuilder routingRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // one consumer per partition: events of one case share a partition, so each case keeps its order
                from(CaseEventBus.batchConsumerUri(RoutingConsumer.CONSUMER) + "&consumersCount={{hub.routing.consumers}}")
                        .routeId("case-routing")
                        .autoStartup("{{hub.routing.enabled}}")
                        .bean(RoutingConsumer.class, "apply")
                        .process(CaseEventBus::commitBatch);
            }
        };
    }
}
