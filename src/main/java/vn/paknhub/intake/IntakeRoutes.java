package vn.paknhub.intake;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

@Component
class IntakeRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:idempotency-housekeeping?delay=60000&period={{hub.housekeeping.period-ms}}")
                .routeId("idempotency-housekeeping")
                .bean(IdempotencyStore.class, "forgetExpired");
    }
}
