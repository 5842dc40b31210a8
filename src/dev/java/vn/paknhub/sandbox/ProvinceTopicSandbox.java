package vn.paknhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The Lâm Đồng provincial system, which takes its items from a Kafka topic: it keeps each message
 * once per idempotency key (record header), as the real consumer must, and downloads each file by the
 * link the message carries (claim check), checking its SHA-256.
 */
@Component
@ConditionalOnProperty(name = "hub.sandbox.enabled", havingValue = "true")
class ProvinceTopicSandbox extends RouteBuilder {

    static final String TOPIC = "lamdong.pakn-inbox";
    /** where the province writes its status updates (routes/lamdong-kafka.yaml) */
    static final String STATUS_TOPIC = "lamdong.pakn-status";

    private final Sandboxes sandboxes;
    private final SandboxFiles files;
    private final ObjectMapper json;

    ProvinceTopicSandbox(Sandboxes sandboxes, SandboxFiles files, ObjectMapper json) {
        this.sandboxes = sandboxes;
        this.files = files;
        this.json = json;
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
                    String key = e.getMessage().getHeader("Idempotency-Key", String.class);
                    String body = e.getMessage().getBody(String.class);
                    // files come by claim check: the province downloads each by its link, as body 68
                    JsonNode m = json.readTree(body);
                    partner.noteFiles(key, files.check(m.path("donViNhan").asText("68"), SandboxFiles.fromJson(
                            m.path(m.has("tepBoSung") ? "tepBoSung" : "tepDinhKem"), "ten", "sha256", "noiDungBase64",
                            "duongDan")));
                    partner.receive(key, e.getMessage().getHeader("kafka.KEY", String.class), body);
                });
    }
}
