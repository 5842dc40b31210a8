package vn.paknhub.casefile;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of a case's history. {@code action} is a {@link CaseAction} name, "SUBMIT" for the
 * first event, or an access record ("READ_PERSONAL_DATA", "ACCESS_DENIED") that changes no state.
 */
public record CaseEvent(
        long seq,
        UUID eventId,
        String action,
        CaseState fromState,
        CaseState toState,
        ActorRole actorKind,
        String actorId,
        String reason,
        Map<String, Object> details,
        boolean publicEvent,
        Instant occurredAt) {

    public static final String SUBMIT = "SUBMIT";
    public static final String READ_PERSONAL_DATA = "READ_PERSONAL_DATA";
    public static final String ACCESS_DENIED = "ACCESS_DENIED";
}
