package vn.paknhub.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.paknhub.agency.CaseParticipation;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.core.WorkQueue;
import vn.paknhub.core.crypto.Randomness;

/**
 * The delivery records: one per destination, claimed by nodes with SKIP LOCKED and a lease. Where an
 * item was sent also tells which bodies coordinate it.
 */
@Repository
public class Deliveries implements CaseParticipation {

    private static final String COLUMNS = """
            id, kind, event_id, case_code, case_version, agency, system, role, status, attempts, next_attempt_at, last_error,
            external_reference, routing::text, created_at, delivered_at, traceparent""";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final WorkQueue queue;

    public Deliveries(NamedParameterJdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.queue = new WorkQueue(jdbc, "delivery", Delivery.DELIVERED, "updated_at");
    }

    @Override
    public boolean coordinates(String caseCode, String agency) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from delivery where case_code = :code and agency = :agency
                    and role = 'COORDINATING' and kind = 'DISPATCH')""",
                new MapSqlParameterSource("code", caseCode).addValue("agency", agency), Boolean.class));
    }

    @Override
    public List<String> coordinatedBy(String agency, int limit, int offset) {
        return jdbc.queryForList("""
                select case_code from delivery where agency = :agency and role = 'COORDINATING' and kind = 'DISPATCH'
                group by case_code order by min(created_at), case_code limit :limit offset :offset""",
                new MapSqlParameterSource("agency", agency).addValue("limit", limit).addValue("offset", offset),
                String.class);
    }

    /** A case received by a system as the lead body {@code agency}'s (Đ11.2đ). */
    public record Lead(String caseCode, String agency) {
    }

    /** Of these cases, those {@code system} received as a lead body's system, and for which body, in one query. */
    public Set<Lead> leadsThrough(String system, Collection<String> caseCodes) {
        return Set.copyOf(jdbc.query("""
                select distinct case_code, agency from delivery where case_code = any(:codes) and system = :system
                    and role = 'LEAD'""",
                new MapSqlParameterSource("codes", caseCodes.toArray(String[]::new)).addValue("system", system),
                (rs, i) -> new Lead(rs.getString(1), rs.getString(2))));
    }

    /**
     * The system through which {@code agency} received the case as its lead body, and the reference
     * that system gave it; empty when the body works in the agency inbox.
     */
    public record LeadSystem(String system, String externalReference) {
    }

    public Optional<LeadSystem> leadSystem(String caseCode, String agency) {
        return jdbc.query("""
                select system, external_reference from delivery
                where case_code = :code and agency = :agency and role = 'LEAD' and kind = 'DISPATCH' and system <> 'inbox'
                order by case_version desc limit 1""",
                new MapSqlParameterSource("code", caseCode).addValue("agency", agency),
                (rs, i) -> new LeadSystem(rs.getString(1), rs.getString(2))).stream().findFirst();
    }

    /** The body that led the case before the step that made {@code caseVersion}, when one was dispatched to. */
    public Optional<String> previousLeadAgency(String caseCode, int caseVersion) {
        return jdbc.queryForList("""
                select agency from delivery where case_code = :code and case_version < :version and role = 'LEAD'
                    and kind = 'DISPATCH' order by case_version desc limit 1""",
                new MapSqlParameterSource("code", caseCode).addValue("version", caseVersion), String.class)
                .stream().findFirst();
    }

    /** Whether the routing step that made {@code caseVersion} already planned its dispatches. */
    public boolean dispatched(String caseCode, int caseVersion) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from delivery where case_code = :code and case_version = :version
                    and kind = 'DISPATCH')""",
                new MapSqlParameterSource("code", caseCode).addValue("version", caseVersion), Boolean.class));
    }

    /**
     * Plans the update of a case that {@code to} handles for {@code agency}: the case event
     * {@code eventId}, told as {@code status} (schemas/messages/status-update.v1), in the caller's
     * transaction. A second plan of the same event adds nothing.
     */
    public void planUpdate(CaseFile c, int caseVersion, String agency, LeadSystem to, UUID eventId, String status) {
        planStatus(Delivery.UPDATE, "(case_code, case_version, agency, kind) where kind <> 'NOTICE'", c, caseVersion,
                agency, to, eventId, status);
    }

    /**
     * Plans a notice about a deadline (a reminder, an alert) for the system leading the case, once per
     * deadline event and body; it travels as a status update, like any update of the case.
     */
    public void planNotice(CaseFile c, String agency, LeadSystem to, UUID eventId, String status) {
        planStatus(Delivery.NOTICE, "(event_id, agency) where kind = 'NOTICE'", c, c.version(), agency, to, eventId,
                status);
    }

    private void planStatus(String kind, String once, CaseFile c, int caseVersion, String agency, LeadSystem to,
            UUID eventId, String status) {
        Map<String, Object> routing = new LinkedHashMap<>();
        routing.put("status", status);
        routing.put("externalReference", to.externalReference());
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into delivery (id, kind, event_id, case_id, case_code, case_version, agency, system, role, routing,
                    status, next_attempt_at, created_at, updated_at)
                values (:id, :kind, :event, :caseId, :code, :version, :agency, :system, 'LEAD', cast(:routing as jsonb),
                    'PENDING', :now, :now, :now)
                on conflict """ + once + " do nothing",
                new MapSqlParameterSource("id", Randomness.uuid()).addValue("kind", kind).addValue("event", eventId)
                        .addValue("caseId", c.id()).addValue("code", c.code()).addValue("version", caseVersion)
                        .addValue("agency", agency).addValue("system", to.system()).addValue("routing", toJson(routing))
                        .addValue("now", now));
    }

    /**
     * The destinations of one routing step of a case: the step that gave the case {@code caseVersion};
     * {@code traceparent}, the trace the deliveries carry on to the partner (null when tracing is off).
     */
    public record Planned(CaseFile c, int caseVersion, List<DeliveryTarget> targets, Map<String, Object> routing,
            String traceparent) {
    }

    /** As {@link #plan(List)}, for one step. */
    public void plan(CaseFile c, int caseVersion, List<DeliveryTarget> targets, Map<String, Object> routing) {
        plan(List.of(new Planned(c, caseVersion, targets, routing, null)));
    }

    /**
     * Records the destinations of routing steps, in the caller's transaction (the one that forwards
     * the cases) and one round trip, so that a forwarded case always has its deliveries. Inbox
     * destinations are delivered at once: the agency reads the case through the inbox API.
     */
    public void plan(List<Planned> steps) {
        Timestamp now = Timestamp.from(clock.instant());
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (Planned step : steps) {
            String routingJson = toJson(step.routing());
            for (DeliveryTarget t : step.targets()) {
                boolean inbox = t.system() == null;
                rows.add(new MapSqlParameterSource("id", Randomness.uuid()).addValue("caseId", step.c().id())
                        .addValue("code", step.c().code()).addValue("version", step.caseVersion())
                        .addValue("agency", t.agency()).addValue("system", inbox ? Delivery.INBOX : t.system())
                        .addValue("role", t.role()).addValue("routing", routingJson)
                        .addValue("status", inbox ? Delivery.DELIVERED : Delivery.PENDING)
                        .addValue("now", now).addValue("delivered", inbox ? now : null)
                        .addValue("traceparent", step.traceparent()));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into delivery (id, case_id, case_code, case_version, agency, system, role, routing, status,
                    next_attempt_at, created_at, updated_at, delivered_at, traceparent)
                values (:id, :caseId, :code, :version, :agency, :system, :role, cast(:routing as jsonb), :status,
                    :now, :now, :now, :delivered, :traceparent)
                on conflict (case_code, case_version, agency, kind) where kind <> 'NOTICE' do nothing""",
                rows.toArray(MapSqlParameterSource[]::new));
    }

    /**
     * Claims due deliveries for this node: each gets a lease and one more attempt counted. A node
     * that dies mid-send leaves its lease to expire, and another node sends again. The oldest due
     * come first, looked for system by system (the systems with pending deliveries are listed by a
     * walk of the index, one step per system) so that a held-back system's backlog is never read.
     */
    public List<Delivery> claimDue(int limit, int leaseSeconds, Set<String> heldBack) {
        return queue.claim("""
                with recursive pending_system (system) as (
                    (select system from delivery where status = 'PENDING' order by system limit 1)
                    union all
                    select (select d.system from delivery d where d.status = 'PENDING' and d.system > p.system
                            order by d.system limit 1)
                    from pending_system p where p.system is not null)
                select x.id from pending_system p cross join lateral (
                    select id, next_attempt_at from delivery
                    where status = 'PENDING' and system = p.system and next_attempt_at <= now()
                      and (lease_until is null or lease_until < now())
                    order by next_attempt_at limit :limit for update skip locked) x
                where p.system is not null and not (p.system = any(cast(:held as text[])))
                order by x.next_attempt_at limit :limit""", COLUMNS,
                new MapSqlParameterSource("lease", leaseSeconds).addValue("limit", limit)
                        .addValue("held", heldBack.toArray(String[]::new)),
                Deliveries::row);
    }

    /** A partner's receipt for a delivery. */
    /** @param partnerAnswerJson what the partner itself answered ({@link PartnerAnswer}), null when it answers nothing (a topic) */
    public record Receipt(UUID deliveryId, String receiptJson, String externalReference, String partnerAnswerJson) {
    }

    /** Records the receipts in one round trip; for each, whether it settled its delivery (false: already settled). */
    public boolean[] markDelivered(List<Receipt> receipts) {
        int[] updated = jdbc.batchUpdate("""
                update delivery set status = 'DELIVERED', receipt = cast(:receipt as jsonb),
                    partner_answer = cast(:answer as jsonb), external_reference = :ref, lease_until = null, last_error = null, delivered_at = now(),
                    updated_at = now()
                where id = :id and status = 'PENDING'""", receipts.stream().map(r -> new MapSqlParameterSource()
                        .addValue("id", r.deliveryId()).addValue("receipt", r.receiptJson())
                        .addValue("ref", r.externalReference()).addValue("answer", r.partnerAnswerJson())).toArray(MapSqlParameterSource[]::new));
        boolean[] settled = new boolean[updated.length];
        for (int i = 0; i < updated.length; i++) {
            settled[i] = updated[i] == 1;
        }
        return settled;
    }

    public void retryLater(UUID id, String error, Instant next) {
        queue.retryLater(id, error, next);
    }

    public void park(UUID id, String reason) {
        queue.park(id, reason);
    }

    /** Sends a parked delivery again, with a fresh retry budget and the same idempotency key. */
    public boolean replay(UUID id) {
        return queue.replay(id);
    }

    public Optional<Delivery> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from delivery where id = :id", new MapSqlParameterSource("id", id),
                Deliveries::row).stream().findFirst();
    }

    public List<Delivery> ofCase(String caseCode) {
        return jdbc.query("select " + COLUMNS + " from delivery where case_code = :code order by created_at, role desc",
                new MapSqlParameterSource("code", caseCode), Deliveries::row);
    }

    /**
     * A delivery with the partner's answer to it as kept (PartnerAnswer: HTTP status, SHA-256, signature
     * verdict), null before one came.
     */
    public record Answered(Delivery delivery, Map<String, Object> partnerAnswer) {
    }

    /** Deliveries in {@code status}, of one kind or all ({@code kind} null), the latest first, with their answers. */
    public List<Answered> withStatus(String status, String kind, int limit) {
        return jdbc.query("select " + COLUMNS + ", partner_answer::text from delivery where status = :status"
                + " and (cast(:kind as text) is null or kind = :kind) order by updated_at desc limit :limit",
                new MapSqlParameterSource("status", status).addValue("kind", kind).addValue("limit", limit),
                (rs, i) -> new Answered(row(rs, i), answer(rs.getString(18))));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> answer(String kept) {
        try {
            return kept == null ? null : json.readValue(kept, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable partner answer", e);
        }
    }

    /** What waits or is parked, per system and status: the operators' first look. */
    public record Backlog(String system, String status, String kind, long deliveries) {
    }

    public List<Backlog> backlog() {
        return jdbc.query("""
                select system, status, kind, count(*) from delivery where status in ('PENDING', 'PARKED')
                 group by system, status, kind order by system, status, kind""", new MapSqlParameterSource(),
                (rs, i) -> new Backlog(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
    }

    public List<Delivery> withStatus(String status, int limit) {
        return jdbc.query("select " + COLUMNS + " from delivery where status = :status order by updated_at limit :limit",
                new MapSqlParameterSource("status", status).addValue("limit", limit), Deliveries::row);
    }

    private String toJson(Map<String, Object> routing) {
        try {
            return json.writeValueAsString(routing);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Delivery row(ResultSet rs, int i) throws SQLException {
        Timestamp delivered = rs.getTimestamp(16);
        return new Delivery(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
                rs.getTimestamp(11).toInstant(), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getTimestamp(15).toInstant(), delivered == null ? null : delivered.toInstant(), rs.getString(17));
    }
}
