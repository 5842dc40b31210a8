package vn.paknhub.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * The seal of a case event: SHA-256 over a fixed, unambiguous form of what the event says (each value
 * length-prefixed, the details as JSON with sorted keys, the time in microseconds as the database keeps
 * it, and its sequence number, its place in the history). The same form is computed when the event is written and when it is verified from what the
 * database holds; the order of events is kept by the seals' numbers, which the signed checkpoints chain.
 */
public final class EventDigest {

    /** What is sealed of an event. */
    public record Content(long seq, UUID eventId, UUID caseId, String action, String fromState, String toState,
            String actorKind, String actorId, String reason, String detailsJson, boolean publicEvent, Instant occurredAt) {
    }

    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private EventDigest() {
    }

    public static byte[] of(Content c) {
        StringBuilder form = new StringBuilder("pakn-hub/case-event/v1");
        // the sequence number is the event's place in its case's history: moved, it no longer matches
        field(form, Long.toString(c.seq()));
        field(form, c.eventId().toString());
        field(form, c.caseId().toString());
        field(form, c.action());
        field(form, c.fromState());
        field(form, c.toState());
        field(form, c.actorKind());
        field(form, c.actorId());
        field(form, c.reason());
        field(form, canonicalJson(c.detailsJson()));
        field(form, Boolean.toString(c.publicEvent()));
        field(form, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, c.occurredAt())));
        try {
            return MessageDigest.getInstance("SHA-256").digest(form.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder form, String value) {
        form.append('\n');
        if (value == null) {
            form.append('-');
        } else {
            form.append(value.length()).append(':').append(value);
        }
    }

    /** JSON with keys sorted at every level and numbers as a parser reads them: the database's jsonb and ours agree. */
    static String canonicalJson(String json) {
        try {
            Object tree = CANONICAL.readValue(json == null ? "{}" : json, Object.class);
            return CANONICAL.writeValueAsString(tree instanceof Map<?, ?> m ? m : tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event details are not JSON", e);
        }
    }
}
