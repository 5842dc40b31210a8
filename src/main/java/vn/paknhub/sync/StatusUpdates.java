package vn.paknhub.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.paknhub.casefile.ActionInput;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.CaseAction;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.core.messages.CanonicalMessages;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.problem.FieldError;
import vn.paknhub.core.text.VietnameseText;
import vn.paknhub.delivery.Deliveries;
import vn.paknhub.sync.StatusOutcome.Kind;

/**
 * Applies what a handling system says happened to a case (Đ23), once its message has been mapped to
 * the canonical status update: valid, once per message id, in the order of the sender's sequence,
 * only by the system that leads the case, and only as the state machine allows. Every update is kept
 * with its outcome, applied or not; an applied one appears in the case history with its source.
 */
@Component("statusUpdates")
public class StatusUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(StatusUpdates.class);

    /** How the update reached the hub. */
    public enum Via {
        WEBHOOK, KAFKA, POLLING
    }

    private final CaseService cases;
    private final Deliveries deliveries;
    private final CanonicalMessages messages;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;

    public StatusUpdates(CaseService cases, Deliveries deliveries, CanonicalMessages messages,
            NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json, Clock clock) {
        this.cases = cases;
        this.deliveries = deliveries;
        this.messages = messages;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /**
     * For connector routes: the mapped message in the body, the system and the means in headers,
     * what the system sent before mapping (kept so that a parked update can be mapped again) in a property.
     */
    public StatusOutcome apply(@Header("PaknSystem") String system, @Header("PaknVia") Via via,
            @ExchangeProperty("PaknReceived") String received, String mapped) {
        return apply(system, via, received, mapped, null);
    }

    /**
     * Applies an update again on an operator's behalf; only one that is parked may be, so the
     * earlier outcome is replaced instead of being taken as a duplicate.
     */
    StatusOutcome reprocess(String system, Via via, String received, String mapped, String operator) {
        return apply(system, via, received, mapped, operator);
    }

    private StatusOutcome apply(String system, Via via, String received, String mapped, String reprocessedBy) {
        Checked checked = check(system, via, received, mapped, reprocessedBy, null);
        return checked.invalid() != null ? checked.invalid() : tx.execute(s -> decide(checked.recording(),
                earlierOutcomes(List.of(checked.recording().messageId()))));
    }

    /** One update as its system sent it, and as its mapping made it. */
    public record Received(String received, String mapped) {
    }

    /**
     * A batch of updates from one system (a poll of its Kafka topic), in order, in one transaction:
     * each update is still applied entirely or not at all (a savepoint each), and a refused one is
     * recorded with its reason while the others go on. The outcomes are in the order of the updates.
     */
    public List<StatusOutcome> applyAll(String system, Via via, List<Received> updates) {
        // the batch's records are written together at the end, in one round trip, before the commit
        List<MapSqlParameterSource> records = new ArrayList<>();
        List<Checked> checked = updates.stream()
                .map(u -> check(system, via, u.received(), u.mapped(), null, records)).toList();
        return tx.execute(s -> {
            Map<UUID, String> earlier = earlierOutcomes(checked.stream().filter(c -> c.invalid() == null)
                    .map(c -> c.recording().messageId()).toList());
            List<StatusOutcome> outcomes = checked.stream()
                    .map(c -> c.invalid() != null ? c.invalid() : decide(c.recording(), earlier)).toList();
            jdbc.batchUpdate(keepStatement(false), records.toArray(MapSqlParameterSource[]::new));
            return outcomes;
        });
    }

    /** An update read and checked as far as it can be without the case store: invalid, or to be decided. */
    private record Checked(StatusOutcome invalid, Recording recording) {
    }

    private Checked check(String system, Via via, String received, String mapped, String reprocessedBy,
            List<MapSqlParameterSource> deferredRecords) {
        JsonNode m;
        try {
            m = json.readTree(mapped);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return invalid(StatusOutcome.of(Kind.INVALID, "NOT_JSON", "Thông điệp không phải JSON",
                    "The message is not JSON"));
        }
        UUID messageId = uuid(m.path("messageId").asText(""));
        if (messageId == null) {
            return invalid(StatusOutcome.of(Kind.INVALID, "INVALID_MESSAGE", "Thiếu hoặc sai messageId (UUID)",
                    "messageId missing or not a UUID"));
        }
        Checked toDecide = new Checked(null, new Recording(system, via, messageId, m, received, reprocessedBy,
                deferredRecords));
        if (unknownStatus(m)) {
            return toDecide;
        }
        List<String> violations = messages.violationsOf(CanonicalMessages.Kind.STATUS_UPDATE, m);
        if (!system.equals(m.path("system").asText())) {
            violations = List.of("system: phải là / must be " + system);
        }
        if (!violations.isEmpty()) {
            return invalid(StatusOutcome.of(Kind.INVALID, "INVALID_MESSAGE",
                    "Thông điệp không hợp lệ: " + String.join("; ", violations),
                    "Invalid status update: " + String.join("; ", violations)));
        }
        if (!StatusVocabulary.reportable(m.path("status").asText())) {
            return invalid(StatusOutcome.of(Kind.INVALID, "NOT_REPORTABLE", "Trạng thái «" + m.path("status").asText()
                    + "» do hệ thống PAKN gửi, không nhận từ hệ thống xử lý", "Status '" + m.path("status").asText()
                    + "' is sent by the hub, not reported by a handling system"));
        }
        return toDecide;
    }

    private static Checked invalid(StatusOutcome outcome) {
        return new Checked(outcome, null);
    }

    private static boolean unknownStatus(JsonNode m) {
        return m.path("status").isNull() || m.path("status").isMissingNode();
    }

    /**
     * Within the caller's transaction: once per message id, parked if not understood, else applied or
     * refused. {@code earlier} holds the outcomes already recorded for the batch's message ids, and
     * takes each outcome decided here, so that a copy later in the same batch is a duplicate too.
     */
    private StatusOutcome decide(Recording r, Map<UUID, String> earlier) {
        Optional<StatusOutcome> duplicate = duplicate(r, earlier.get(r.messageId()));
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        StatusOutcome outcome = decideOnce(r);
        earlier.put(r.messageId(), outcome.kind().name());
        return outcome;
    }

    private StatusOutcome decideOnce(Recording r) {
        if (unknownStatus(r.message())) {
            return park(r);
        }
        try {
            // no savepoint: before a refusal is thrown, only the sender's sequence has been advanced,
            // which a refused update does too (it used its number: the next one is not a gap)
            return applyOnce(r);
        } catch (ApiProblem refused) {
            // the state machine's answer (or a FORWARDED without a target), as any caller of the case store gets it
            FieldError why = refused.errors().isEmpty()
                    ? new FieldError("$", "refused", refused.titleVi(), refused.titleEn()) : refused.errors().get(0);
            return keep(r, StatusOutcome.of(Kind.REFUSED, why.rule(), why.message(), why.messageEn()));
        }
    }

    private StatusOutcome applyOnce(Recording r) {
        String system = r.system();
        JsonNode m = r.message();
        String code = m.path("caseCode").asText();
        String agency = m.path("agency").asText();
        long sequence = m.path("sequence").asLong();
        Optional<CaseService.LockedCase> found = cases.lockForChange(code);
        if (found.isEmpty() || !agency.equals(found.get().file().assignedAgency())
                || !deliveries.leadThrough(code, system, agency)) {
            return keep(r, StatusOutcome.of(Kind.REFUSED, "NOT_HANDLED_HERE",
                    "Hồ sơ " + code + " không do cơ quan " + agency + " xử lý qua hệ thống " + system,
                    "Case " + code + " is not handled by " + agency + " through " + system));
        }
        long last = advanceSequence(code, system, sequence);
        if (sequence <= last) {
            return keep(r, StatusOutcome.of(Kind.STALE, "STALE",
                    "Cập nhật số " + sequence + " cũ hơn cập nhật số " + last + " đã áp dụng; không áp dụng",
                    "Update " + sequence + " is older than update " + last + ", already applied; not applied"));
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("source", system);
        source.put("via", r.via().name());
        source.put("messageId", r.messageId().toString());
        if (r.reprocessedBy() != null) {
            source.put("reprocessedBy", r.reprocessedBy());
        }
        source.put("sequence", sequence);
        copy(m, source, "externalStatus", "externalReference", "handler");
        if (last > 0 && sequence > last + 1) {
            // updates last+1 .. sequence-1 never arrived (or are late): apply the newer state, and say so
            source.put("missingSequences", last + 1 == sequence - 1 ? String.valueOf(last + 1) : (last + 1) + "-" + (sequence - 1));
            LOG.warn("Status updates {}..{} of case {} from {} are missing", last + 1, sequence - 1, code, system);
        }
        Actor actor = new Actor(ActorRole.AGENCY, agency);
        String status = m.path("status").asText();
        Optional<CaseAction> action = StatusVocabulary.actionFor(status);
        if (action.isEmpty()) {
            cases.record(found.get().file(), "STATUS_" + status, actor, null, source);
            return keep(r, new StatusOutcome(Kind.RECORDED, status, "Đã ghi nhận", "Recorded",
                    found.get().file().state().name()));
        }
        String target = m.path("targetAgency").isTextual() ? m.path("targetAgency").asText() : null;
        CaseFile after = cases.apply(found.get(), action.get(), actor, VietnameseText.normalize(m.path("reason").asText(null)),
                new ActionInput(target, null, null, null, List.of(), source));
        return keep(r, new StatusOutcome(Kind.APPLIED, status, "Đã cập nhật", "Applied",
                after.state().name()));
    }

    /** The sender's status is not one its mapping knows: kept for an operator, never guessed. */
    private StatusOutcome park(Recording r) {
        String system = r.system();
        String external = r.message().path("externalStatus").asText("?");
        StatusOutcome outcome = StatusOutcome.of(Kind.PARKED, "UNKNOWN_STATUS",
                "Trạng thái «" + external + "» chưa có trong mappings/" + system + "/status.jsonata; đã lưu chờ xử lý",
                "Status '" + external + "' is not in mappings/" + system + "/status.jsonata; kept for an operator");
        LOG.error("Status update {} from {} parked: {}", r.messageId(), system, outcome.messageEn());
        return keep(r, outcome);
    }

    /** A second copy of a message is not handled again, unless an operator reprocesses a parked one. */
    private static Optional<StatusOutcome> duplicate(Recording r, String earlier) {
        if (earlier == null || r.reprocessedBy() != null && earlier.equals(Kind.PARKED.name())) {
            return Optional.empty();
        }
        return Optional.of(StatusOutcome.of(Kind.DUPLICATE, "DUPLICATE", "Đã nhận thông điệp này (" + earlier + ")",
                "This message was already received (" + earlier + ")"));
    }

    /** The outcomes recorded for these message ids, in one query; a mutable map. */
    private Map<UUID, String> earlierOutcomes(List<UUID> messageIds) {
        Map<UUID, String> outcomes = new HashMap<>();
        if (!messageIds.isEmpty()) {
            jdbc.query("select message_id, outcome from status_update where message_id = any(cast(:ids as uuid[]))",
                    new MapSqlParameterSource("ids", messageIds.toArray(UUID[]::new)),
                    (RowCallbackHandler) rs -> outcomes.put(rs.getObject(1, UUID.class), rs.getString(2)));
        }
        return outcomes;
    }

    /**
     * Advances the case's sequence from {@code system} to {@code sequence} (never back) and returns
     * the one it held: one statement, which creates the row if missing and locks it either way, so
     * that the updates of one case from one system are serialised.
     */
    private long advanceSequence(String code, String system, long sequence) {
        return jdbc.queryForObject("""
                insert into status_sequence (case_code, system, last_sequence) values (:code, :system, :seq)
                on conflict (case_code, system) do update
                    set last_sequence = greatest(status_sequence.last_sequence, excluded.last_sequence),
                        previous_sequence = status_sequence.last_sequence
                returning previous_sequence""",
                new MapSqlParameterSource("code", code).addValue("system", system).addValue("seq", sequence), Long.class);
    }

    /** One update on its way to the record; {@code reprocessedBy} names the operator who sent it again. */
    private record Recording(String system, Via via, UUID messageId, JsonNode message, String received,
            String reprocessedBy, List<MapSqlParameterSource> deferredRecords) {
    }

    /** Records what became of an update: at once, or with its batch when the batch collects its records. */
    private StatusOutcome keep(Recording r, StatusOutcome outcome) {
        JsonNode m = r.message();
        MapSqlParameterSource record = new MapSqlParameterSource("id", r.messageId()).addValue("system", r.system())
                .addValue("code", text(m, "caseCode")).addValue("seq", m.path("sequence").isIntegralNumber()
                        ? m.path("sequence").asLong() : null)
                .addValue("status", text(m, "status")).addValue("external", text(m, "externalStatus"))
                .addValue("via", r.via().name()).addValue("outcome", outcome.kind().name())
                .addValue("reason", outcome.kind() == Kind.APPLIED || outcome.kind() == Kind.RECORDED ? null
                        : outcome.code() + ": " + outcome.messageEn())
                .addValue("message", m.toString()).addValue("received", r.received())
                .addValue("at", Timestamp.from(clock.instant()))
                .addValue("reprocessedAt", r.reprocessedBy() == null ? null : Timestamp.from(clock.instant()))
                .addValue("reprocessedBy", r.reprocessedBy());
        if (r.deferredRecords() != null) {
            r.deferredRecords().add(record);
        } else {
            jdbc.update(keepStatement(r.reprocessedBy() != null), record);
        }
        return outcome;
    }

    private static String keepStatement(boolean replacingParked) {
        // a reprocessed update replaces its parked outcome (and only that: a concurrent reprocess that
        // applied it first wins, and the record keeps what really happened)
        String conflict = !replacingParked ? "do nothing" : """
                do update set status = excluded.status, outcome = excluded.outcome, reason = excluded.reason,
                    message = excluded.message, reprocessed_at = excluded.reprocessed_at,
                    reprocessed_by = excluded.reprocessed_by
                where status_update.outcome = 'PARKED'""";
        return """
                insert into status_update (message_id, system, case_code, sequence, status, external_status, via,
                    outcome, reason, message, received, received_at, reprocessed_at, reprocessed_by)
                values (:id, :system, :code, :seq, :status, :external, :via, :outcome, :reason, cast(:message as jsonb),
                    :received, :at, :reprocessedAt, :reprocessedBy)
                on conflict (message_id) """ + conflict;
    }

    private static void copy(JsonNode m, Map<String, Object> to, String... fields) {
        for (String f : fields) {
            if (m.path(f).isTextual()) {
                to.put(f, m.path(f).asText());
            }
        }
    }

    private static String text(JsonNode m, String field) {
        return m.path(field).isTextual() ? m.path(field).asText() : null;
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
