package vn.paknhub.delivery;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class DeliveryConfiguration {

    @Bean
    RouteBuilder deliveryRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:delivery-dispatch?delay=1000&period={{hub.delivery.poll-interval-ms}}")
                        .routeId("delivery-dispatch")
                        .bean(DeliveryDispatcher.class, "dispatchDue");
            }
        };
    }
}
