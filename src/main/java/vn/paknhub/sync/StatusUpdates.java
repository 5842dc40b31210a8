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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
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
import vn.paknhub.casefile.CaseBatch;
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
        Checked checked = check(system, via, received, mapped, reprocessedBy);
        return checked.invalid() != null ? checked.invalid()
                : tx.execute(s -> decideAll(system, List.of(checked), reprocessedBy != null).get(0));
    }

    /** One update as its system sent it, and as its mapping made it. */
    public record Received(String received, String mapped) {
    }

    /**
     * A batch of updates from one system (a poll of its Kafka topic), in order, in one transaction:
     * each update is still applied entirely or not at all, and a refused one is recorded with its
     * reason while the others go on. The outcomes are in the order of the updates.
     */
    public List<StatusOutcome> applyAll(String system, Via via, List<Received> updates) {
        List<Checked> checked = updates.stream().map(u -> check(system, via, u.received(), u.mapped(), null)).toList();
        return tx.execute(s -> decideAll(system, checked, false));
    }

    /** An update read and checked as far as it can be without the case store: invalid, or to be decided. */
    private record Checked(StatusOutcome invalid, Recording recording) {
    }

    private Checked check(String system, Via via, String received, String mapped, String reprocessedBy) {
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
        Checked toDecide = new Checked(null, new Recording(system, via, messageId, m, received, reprocessedBy));
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
     * What a batch decides on, read in a few queries before its first update and written after its
     * last: the cases (locked), which of them the system leads for which body, their sequences from
     * the system (locked), the outcomes already recorded for the batch's message ids, and the records
     * of the batch's own outcomes.
     */
    private record Batch(CaseBatch cases, Set<Deliveries.Lead> leads, Map<String, Long> sequences,
            Map<UUID, String> earlier, List<MapSqlParameterSource> records) {

        /** Advances the case's sequence to {@code sequence} (never back) and returns the one it held. */
        long advance(String code, long sequence) {
            long last = sequences.get(code);
            sequences.put(code, Math.max(last, sequence));
            return last;
        }
    }

    /** Within the caller's transaction: each update once per message id, parked if not understood, else applied or refused. */
    private List<StatusOutcome> decideAll(String system, List<Checked> checked, boolean replacingParked) {
        List<Recording> toDecide = checked.stream().filter(c -> c.invalid() == null).map(Checked::recording).toList();
        if (toDecide.isEmpty()) {
            return checked.stream().map(Checked::invalid).toList();
        }
        Map<UUID, String> earlier = earlierOutcomes(toDecide.stream().map(Recording::messageId).toList());
        // a copy of an update already taken changes nothing: its case is neither locked nor read
        Set<String> codes = toDecide.stream().filter(r -> duplicate(r, earlier.get(r.messageId())).isEmpty())
                .map(r -> r.message().path("caseCode").asText()).collect(Collectors.toCollection(TreeSet::new));
        CaseBatch locked = cases.lock(codes);
        Set<Deliveries.Lead> leads = deliveries.leadsThrough(system, codes);
        Map<String, Long> sequences = lockSequences(system, leads.stream().map(Deliveries.Lead::caseCode).distinct().toList());
        Map<String, Long> before = Map.copyOf(sequences);
        Batch batch = new Batch(locked, leads, sequences, earlier, new ArrayList<>());
        List<StatusOutcome> outcomes = checked.stream()
                .map(c -> c.invalid() != null ? c.invalid() : decide(c.recording(), batch)).toList();
        cases.write(batch.cases());
        jdbc.batchUpdate("update status_sequence set last_sequence = :seq where case_code = :code and system = :system",
                sequences.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey())))
                        .map(e -> new MapSqlParameterSource("seq", e.getValue()).addValue("code", e.getKey())
                                .addValue("system", system))
                        .toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate(keepStatement(replacingParked), batch.records().toArray(MapSqlParameterSource[]::new));
        return outcomes;
    }

    /**
     * Once per message id: {@code earlier} holds the outcomes already recorded for the batch's message
     * ids, and takes each outcome decided here, so that a copy later in the same batch is a duplicate too.
     */
    private StatusOutcome decide(Recording r, Batch batch) {
        Optional<StatusOutcome> duplicate = duplicate(r, batch.earlier().get(r.messageId()));
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        StatusOutcome outcome = decideOnce(r, batch);
        batch.earlier().put(r.messageId(), outcome.kind().name());
        return outcome;
    }

    private StatusOutcome decideOnce(Recording r, Batch batch) {
        if (unknownStatus(r.message())) {
            return park(r, batch);
        }
        try {
            return applyOnce(r, batch);
        } catch (ApiProblem refused) {
            // the state machine's answer (or a FORWARDED without a target), as any caller of the case store
            // gets it; nothing of the update changed but its sequence, which a refused update uses too
            // (the next one is not a gap)
            FieldError why = refused.errors().isEmpty()
                    ? new FieldError("$", "refused", refused.titleVi(), refused.titleEn()) : refused.errors().get(0);
            return keep(r, batch, StatusOutcome.of(Kind.REFUSED, why.rule(), why.message(), why.messageEn()));
        }
    }

    private StatusOutcome applyOnce(Recording r, Batch batch) {
        String system = r.system();
        JsonNode m = r.message();
        String code = m.path("caseCode").asText();
        String agency = m.path("agency").asText();
        long sequence = m.path("sequence").asLong();
        Optional<CaseFile> found = batch.cases().find(code);
        if (found.isEmpty() || !agency.equals(found.get().assignedAgency())
                || !batch.leads().contains(new Deliveries.Lead(code, agency))) {
            return keep(r, batch, StatusOutcome.of(Kind.REFUSED, "NOT_HANDLED_HERE",
                    "Hồ sơ " + code + " không do cơ quan " + agency + " xử lý qua hệ thống " + system,
                    "Case " + code + " is not handled by " + agency + " through " + system));
        }
        long last = batch.advance(code, sequence);
        if (sequence <= last) {
            return keep(r, batch, StatusOutcome.of(Kind.STALE, "STALE",
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
            cases.record(batch.cases(), found.get(), "STATUS_" + status, actor, null, source);
            return keep(r, batch, new StatusOutcome(Kind.RECORDED, status, "Đã ghi nhận", "Recorded",
                    found.get().state().name()));
        }
        String target = m.path("targetAgency").isTextual() ? m.path("targetAgency").asText() : null;
        CaseFile after = cases.apply(batch.cases(), code, action.get(), actor,
                VietnameseText.normalize(m.path("reason").asText(null)),
                new ActionInput(target, null, null, null, List.of(), source));
        return keep(r, batch, new StatusOutcome(Kind.APPLIED, status, "Đã cập nhật", "Applied",
                after.state().name()));
    }

    /** The sender's status is not one its mapping knows: kept for an operator, never guessed. */
    private StatusOutcome park(Recording r, Batch batch) {
        String system = r.system();
        String external = r.message().path("externalStatus").asText("?");
        StatusOutcome outcome = StatusOutcome.of(Kind.PARKED, "UNKNOWN_STATUS",
                "Trạng thái «" + external + "» chưa có trong mappings/" + system + "/status.jsonata (status.xsl với hệ thống XML); đã lưu chờ xử lý",
                "Status '" + external + "' is not in mappings/" + system + "/status.jsonata (status.xsl for an XML system); kept for an operator");
        LOG.error("Status update {} from {} parked: {}", r.messageId(), system, outcome.messageEn());
        return keep(r, batch, outcome);
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
     * The sequences of these cases from {@code system}, each row created if missing and locked for the
     * rest of the transaction (in code order), which serialises the updates of one case from one system.
     */
    private Map<String, Long> lockSequences(String system, List<String> codes) {
        MapSqlParameterSource p = new MapSqlParameterSource("codes", codes.toArray(String[]::new)).addValue("system", system);
        jdbc.update("""
                insert into status_sequence (case_code, system, last_sequence)
                select unnest(cast(:codes as text[])), :system, 0 on conflict do nothing""", p);
        Map<String, Long> sequences = new HashMap<>();
        jdbc.query("""
                select case_code, last_sequence from status_sequence where system = :system and case_code = any(:codes)
                order by case_code for update""", p, (RowCallbackHandler) rs -> sequences.put(rs.getString(1), rs.getLong(2)));
        return sequences;
    }

    /** One update on its way to the record; {@code reprocessedBy} names the operator who sent it again. */
    private record Recording(String system, Via via, UUID messageId, JsonNode message, String received,
            String reprocessedBy) {
    }

    /** Records what became of an update, written with its batch. */
    private StatusOutcome keep(Recording r, Batch batch, StatusOutcome outcome) {
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
        batch.records().add(record);
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
