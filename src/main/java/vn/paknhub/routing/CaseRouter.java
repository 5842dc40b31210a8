package vn.paknhub.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.paknhub.casefile.ActionInput;
import vn.paknhub.casefile.AttachmentStore;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.CaseAction;
import vn.paknhub.casefile.CaseBatch;
import vn.paknhub.casefile.CaseEvent;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.SimilarItems;
import vn.paknhub.casefile.CaseState;
import vn.paknhub.delivery.Deliveries;
import vn.paknhub.delivery.DeliveryTarget;
import vn.paknhub.intake.ContentScreen;
import vn.paknhub.intake.ThanksOnly;

/**
 * Routes a case: classifies it, applies {@link RoutingPolicy}, and records the decision with its
 * reason and evidence in the case history. A decision to send forwards the case (the one state
 * machine) and plans one delivery per destination, all in one transaction; a decision for the Central
 * Party Office puts the case in the triage queue.
 */
@Component
public class CaseRouter {

    static final Actor ROUTER = new Actor(ActorRole.SYSTEM, "router");
    static final String ROUTED_TO_TRIAGE = "ROUTED_TO_TRIAGE";

    private final CaseService cases;
    private final Classifier classifier;
    private final RoutingPolicy policy;
    private final Deliveries deliveries;
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final SimilarItems similar;

    public CaseRouter(CaseService cases, Classifier classifier, RoutingPolicy policy, Deliveries deliveries,
            NamedParameterJdbcTemplate jdbc, ObjectMapper json, SimilarItems similar) {
        this.cases = cases;
        this.similar = similar;
        this.classifier = classifier;
        this.policy = policy;
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * New items: each routed once, only while nobody has acted on it yet, all in the caller's
     * transaction with a few round trips for the lot (a busy poll is routed together). An item that
     * cannot be routed (it does not exist, the state machine refuses) changes nothing and is
     * answered with its reason, and the others go on.
     */
    @Transactional
    public Map<String, RuntimeException> routeNew(List<String> codes) {
        return routeNew(codes, Map.of());
    }

    /** As {@link #routeNew(List)}, each delivery carrying on the trace its case came with ({@code traceparents} by code). */
    @Transactional
    public Map<String, RuntimeException> routeNew(List<String> codes, Map<String, String> traceparents) {
        CaseBatch batch = cases.lock(codes);
        Set<UUID> decided = routed(batch, codes);
        Steps steps = new Steps();
        steps.traceparents.putAll(traceparents);
        Map<String, RuntimeException> refused = new LinkedHashMap<>();
        Map<UUID, List<AttachmentStore.StoredAttachment>> files = cases.attachmentsOfAll(
                codes.stream().map(batch::find).flatMap(Optional::stream).toList());
        for (String code : codes) {
            try {
                CaseFile c = batch.find(code).orElseThrow(CaseService::noSuchCase);
                if (c.state() != CaseState.SUBMITTED || c.assignedAgency() != null || !decided.add(c.id())) {
                    continue;
                }
                Classification found = classifier.classify(c.title(), c.content(), c.fieldCode(), c.addressee());
                RoutingDecision decision = policy.decide(found);
                Optional<SimilarItems.Similar> repeat = similar.repeatOf(c.code());
                if (repeat.isPresent()) {
                    SimilarItems.Similar earlier = repeat.get();
                    // Đ8.4: marked for the body (and the screening); once answered, Đ11.2e sends it to the office
                    cases.record(batch, c, POSSIBLE_REPEAT, ROUTER, "Cùng người gửi, nội dung gần giống hồ sơ "
                            + earlier.code() + " (Điều 8.4) / same sender, nearly the same as " + earlier.code(),
                            Map.of("of", earlier.code(), "similarity", earlier.similarity(), "answered", earlier.answered()));
                    if (earlier.answered()) {
                        decision = policy.repeatAfterAnswer(earlier.code(), earlier.similarity(), decision.candidates());
                    }
                }
                Optional<ContentScreen.Stop> stop = ContentScreen.screen(c.title(), c.content(),
                        files.getOrDefault(c.id(), List.of()).size());
                if (stop.isPresent()) {
                    screen(batch, steps, c, found, decision, stop.get());
                } else {
                    act(batch, steps, c, found, decision, ROUTER, null);
                }
            } catch (RuntimeException e) {
                refused.put(code, e);
            }
        }
        steps.write(batch);
        return refused;
    }

    /** A body sent the case back (Đ11.2c): into the triage queue with the body's reason. */
    @Transactional
    public void routeReturned(String code, String byAgency) {
        CaseBatch batch = cases.lock(List.of(code));
        CaseFile c = batch.find(code).orElseThrow(CaseService::noSuchCase);
        if (c.state() != CaseState.RETURNED_TO_CENTRAL_OFFICE) {
            return;
        }
        String reason = cases.fullHistory(c).stream()
                .filter(e -> CaseAction.RETURN_TO_CENTRAL_OFFICE.name().equals(e.action()))
                .reduce((first, last) -> last).map(CaseEvent::reason).orElse("");
        Classification previous = classifier.classify(c.title(), c.content(), c.fieldCode(), c.addressee());
        Steps steps = new Steps();
        act(batch, steps, c, previous, policy.returned(byAgency, reason), ROUTER, null);
        steps.write(batch);
    }

    /** Staff of the Central Party Office classified the case by hand and send it on. */
    @Transactional
    public RoutingDecision dispatchByHand(CaseFile c, Classification manual, Actor staff) {
        RoutingDecision decision = policy.decide(manual);
        if (!decision.triage()) {
            CaseBatch batch = cases.lock(List.of(c.code()));
            Steps steps = new Steps();
            act(batch, steps, batch.find(c.code()).orElseThrow(CaseService::noSuchCase), manual, decision, staff, manual);
            steps.write(batch);
        }
        return decision;
    }

    /**
     * Applies a decision to a case of the batch, in memory: forwards it (or records it for triage) and
     * keeps the routing record and the deliveries to write. A refusal is thrown before anything is kept.
     */
    private void act(CaseBatch batch, Steps steps, CaseFile c, Classification found, RoutingDecision decision, Actor actor,
            Classification manual) {
        Map<String, Object> details = decision.asDetails();
        details.put("classification", found);
        // Đ10.2a items are about an administrative procedure: field b, whatever else the words touch
        String field = decision.rule() == RoutingDecision.Rule.D10_2A ? VocabularyClassifier.PROCEDURE_FIELD
                : found.field().fieldCode();
        if (field != null) {
            details.put(ActionInput.FIELD, field);
        }
        details.put(ActionInput.PROCEDURE, decision.rule() == RoutingDecision.Rule.D10_2A);
        // the submitter's pick, which the words never speak of, filed under the field they do speak of
        details.put(ActionInput.RECLASSIFIED, field != null && c.fieldCode() != null && !field.equals(c.fieldCode()));
        MapSqlParameterSource routing = new MapSqlParameterSource("id", c.id()).addValue("code", c.code())
                .addValue("classification", write(found)).addValue("decision", write(withReason(decision)))
                .addValue("triage", decision.triage()).addValue("manual", manual == null ? null : write(manual));
        CaseFile routed = c;
        if (decision.triage()) {
            cases.record(batch, c, ROUTED_TO_TRIAGE, actor, decision.reason(), details);
        } else {
            routed = cases.apply(batch, c.code(), CaseAction.FORWARD, actor, decision.reason(),
                    ActionInput.forwardTo(decision.leadAgency(), details));
        }
        // Đ11.3: an item that only thanks may be closed by the fast track, by the receiving body or, while it waits in
        // triage, by the Central Party Office; either sees why
        CaseFile thanked = routed;
        ThanksOnly.evidence(c.title(), c.content()).filter(words -> manual == null).ifPresent(words -> cases.record(batch, thanked, FAST_CLOSE_SUGGESTED,
                actor, "Thư chỉ cảm ơn, có thể kết thúc xử lý nhanh (Điều 11.3) / thanks only: may be closed by the fast"
                        + " track (Art. 11.3)", Map.of("evidence", words)));
        if (!decision.triage()) {
            CaseFile forwarded = routed;
            steps.deliveries.add(new Deliveries.Planned(forwarded, forwarded.version(), decision.destinations().stream()
                    .map(d -> new DeliveryTarget(d.agency(), d.system(), d.role().name())).toList(),
                    dispatchRouting(found, decision), steps.traceparents.get(c.code())));
        }
        steps.routings.add(routing);
    }

    /**
     * An item whose content a person must see before it goes anywhere (Đ8.2, Đ8.3): held, or its writer asked to
     * clarify, and never forwarded, so that no body or portal receives an item that may be refused. Its routing
     * record is kept for the triage desk, where it waits once released or clarified, with the reading the
     * router made and the screening that stopped it.
     */
    private void screen(CaseBatch batch, Steps steps, CaseFile c, Classification found, RoutingDecision decision,
            ContentScreen.Stop stop) {
        Map<String, Object> screening = new LinkedHashMap<>();
        screening.put("rule", stop.rule());
        screening.put("reasonEn", stop.reasonEn());
        if (stop.evidence() != null) {
            screening.put("evidence", stop.evidence());
        }
        screening.put(ActionInput.TELL_SUBMITTER, stop.tellSubmitter());
        cases.apply(batch, c.code(), stop.action(), ROUTER, stop.reasonVi(), ActionInput.noted(screening));
        Map<String, Object> held = new LinkedHashMap<>(withReason(decision));
        held.put("triage", true);
        held.put("triageKind", "SCREENED");
        held.put("reasonVi", stop.reasonVi() + ". Hệ thống đọc: " + decision.reasonVi());
        held.put("reasonEn", stop.reasonEn() + ". The hub's reading: " + decision.reasonEn());
        held.put("screening", screening);
        steps.routings.add(new MapSqlParameterSource("id", c.id()).addValue("code", c.code())
                .addValue("classification", write(found)).addValue("decision", write(held)).addValue("triage", true)
                .addValue("manual", null));
    }

    /** The history's record of the same person's item again (Đ8.4), naming the earlier one. */
    static final String POSSIBLE_REPEAT = "POSSIBLE_REPEAT";

    /** The history's record of an item that only thanks (Đ11.3), for the receiving body. */
    static final String FAST_CLOSE_SUGGESTED = "FAST_CLOSE_SUGGESTED";

    /** What routing decided for a batch of cases, written after the cases themselves. */
    private final class Steps {
        final List<MapSqlParameterSource> routings = new ArrayList<>();
        final List<Deliveries.Planned> deliveries = new ArrayList<>();
        final Map<String, String> traceparents = new HashMap<>();

        void write(CaseBatch batch) {
            cases.write(batch);
            if (!routings.isEmpty()) {
                jdbc.batchUpdate("""
                        insert into case_routing (case_id, case_code, classification, decision, triage, manual, decided_at)
                        values (:id, :code, cast(:classification as jsonb), cast(:decision as jsonb), :triage,
                                cast(:manual as jsonb), now())
                        on conflict (case_id) do update set classification = excluded.classification,
                            decision = excluded.decision, triage = excluded.triage,
                            manual = coalesce(excluded.manual, case_routing.manual), decided_at = now()""",
                        routings.toArray(MapSqlParameterSource[]::new));
            }
            CaseRouter.this.deliveries.plan(deliveries);
        }
    }

    /** The decision as the triage queue shows it: with its reason in both languages (the history has it as the event's reason). */
    private static Map<String, Object> withReason(RoutingDecision decision) {
        Map<String, Object> d = new LinkedHashMap<>(decision.asDetails());
        d.put("reasonVi", decision.reasonVi());
        d.put("reasonEn", decision.reasonEn());
        return d;
    }

    /** What the dispatch message says about routing (schemas/messages/case-dispatch.v1). */
    private static Map<String, Object> dispatchRouting(Classification found, RoutingDecision decision) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("leadAgency", decision.leadAgency());
        r.put("coordinatingAgencies", decision.coordinatingAgencies());
        r.put("rule", decision.rule().label());
        r.put("reason", decision.reason());
        r.put("confidence", decision.confidence());
        Map<String, Object> classification = new LinkedHashMap<>();
        classification.put("fieldCode", decision.rule() == RoutingDecision.Rule.D10_2A ? VocabularyClassifier.PROCEDURE_FIELD
                : found.field().fieldCode());
        classification.put("administrativeProcedure", decision.rule() == RoutingDecision.Rule.D10_2A);
        classification.put("procedureCode", found.procedure().procedureCode());
        r.put("classification", classification);
        return r;
    }

    /** Of the batch's cases, those that routing has already decided on. */
    private Set<UUID> routed(CaseBatch batch, List<String> codes) {
        String[] ids = codes.stream().map(batch::find).flatMap(Optional::stream).map(c -> c.id().toString())
                .toArray(String[]::new);
        return new HashSet<>(jdbc.queryForList("select case_id from case_routing where case_id = any(cast(:ids as uuid[]))",
                new MapSqlParameterSource("ids", ids), UUID.class));
    }

    /** The triage queue: cases waiting for a person at the Central Party Office, oldest first. */
    public List<Map<String, Object>> triageQueue(int limit) {
        return jdbc.queryForList("""
                select r.case_code as "code", f.title as "title", f.state as "state", r.decision::text as "decision",
                       r.decided_at as "since"
                from case_routing r join case_file f on f.id = r.case_id
                where r.triage and f.state in ('SUBMITTED', 'RETURNED_TO_CENTRAL_OFFICE')
                order by r.decided_at limit :limit""", new MapSqlParameterSource("limit", limit));
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
