package vn.paknhub.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to one destination, as stored: a routing step's dispatch of the case, or an update of
 * a case the destination already has ({@link #UPDATE}, for the case event {@code eventId}), or a
 * deadline notice about it ({@link #NOTICE}, told as a status update too).
 * {@code id} is the idempotency key.
 */
public record Delivery(UUID id, String kind, UUID eventId, String caseCode, int caseVersion, String agency, String system,
        String role, String status, int attempts, Instant nextAttemptAt, String lastError, String externalReference,
        String routingJson, Instant createdAt, Instant deliveredAt, String traceparent) {

    public static final String DISPATCH = "DISPATCH";
    public static final String UPDATE = "UPDATE";
    public static final String NOTICE = "NOTICE";

    public static final String INBOX = "inbox";
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String PARKED = "PARKED";

    /** Whether the message is a status update of a case the destination has (an update or a notice). */
    public boolean statusUpdate() {
        return UPDATE.equals(kind) || NOTICE.equals(kind);
    }
}
