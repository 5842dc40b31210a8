package vn.paknhub.sandbox;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The Lâm Đồng provincial system, which takes its items from a Kafka topic: it keeps each message
 * once per idempotency key (record header), as the real consumer must.
 */
@Component
@ConditionalOnProperty(name = "hub.sandbox.enabled", havingValue = "true")
class ProvinceTopicSandbox extends RouteBuilder {

    static final String TOPIC = "lamdong.pakn-inbox";
    /** where the province writes its status updates (routes/lamdong-kafka.yaml) */
    static final String STATUS_TOPIC = "lamdong.pakn-status";

    private final Sandboxes sandboxes;

    ProvinceTopicSandbox(Sandboxes sandboxes) {
        this.sandboxes = sandboxes;
    }

    @Override
    public void configure() {
        // a group per hub deployment, so that a second hub on the same broker has its own sandbox
        // the topic appears with the hub's first delivery: look for it every few seconds, not every five minutes
        from("kafka:" + TOPIC + "?groupId=sandbox-lamdong-{{hub.bus.consumer-group}}&autoOffsetReset=earliest"
                + "&metadataMaxAgeMs=5000")
                .routeId("sandbox-lamdong-kafka")
                .process(e -> {
                    SandboxPartner partner = sandboxes.partner(Sandboxes.KAFKA_PROVINCE);
                    partner.nextAttempt();
                    partner.receive(e.getMessage().getHeader("Idempotency-Key", String.class),
                            e.getMessage().getHeader("kafka.KEY", String.class), e.getMessage().getBody(String.class));
                });
    }
}
