package vn.paknhub.operations;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The operations timer: figures and probes read again on every node, none on the request path. */
@Component
class OperationsRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:operations-figures?delay=0&period={{hub.operations.refresh-ms}}")
                .routeId("operations-figures")
                .bean(OperationsGauges.class, "refresh");
    }
}
