package vn.paknhub.delivery;

import java.time.Instant;
import java.util.UUID;

/** One destination's delivery of a routing step, as stored. {@code id} is the idempotency key. */
public record Delivery(UUID id, String caseCode, int caseVersion, String agency, String system, String role,
        String status, int attempts, Instant nextAttemptAt, String lastError, String externalReference,
        String routingJson, Instant createdAt, Instant deliveredAt) {

    public static final String INBOX = "inbox";
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String PARKED = "PARKED";
}
