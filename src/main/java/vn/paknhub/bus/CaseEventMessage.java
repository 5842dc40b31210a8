package vn.paknhub.bus;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The canonical case event on the bus (topic {@code hub.case-events}, key = case code). It carries
 * no personal data: consumers that need it read the case store, where the read is logged (Đ9.2, Đ17).
 * {@code caseVersion} rises by one with every state-changing event of a case, so a consumer can tell
 * a stale, duplicate or missing event.
 */
public record CaseEventMessage(
        String schema,
        UUID eventId,
        String caseCode,
        int caseVersion,
        String action,
        String fromState,
        String toState,
        String channel,
        String fieldCode,
        String assignedAgency,
        String actorKind,
        String actorId,
        OffsetDateTime occurredAt) {

    public static final String SCHEMA = "pakn-hub/case-event/v1";
}
