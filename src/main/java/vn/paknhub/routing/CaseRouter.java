package vn.paknhub.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.paknhub.casefile.ActionInput;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.CaseAction;
import vn.paknhub.casefile.CaseEvent;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseState;
import vn.paknhub.delivery.Deliveries;
import vn.paknhub.delivery.DeliveryTarget;

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

    public CaseRouter(CaseService cases, Classifier classifier, RoutingPolicy policy, Deliveries deliveries,
            NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.cases = cases;
        this.classifier = classifier;
        this.policy = policy;
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new item: routed once, only while nobody has acted on it yet. */
    @Transactional
    public Optional<RoutingDecision> routeNew(String code) {
        CaseFile c = cases.find(code).orElseThrow(CaseService::noSuchCase);
        if (c.state() != CaseState.SUBMITTED || c.assignedAgency() != null || hasRouting(c)) {
            return Optional.empty();
        }
        Classification found = classifier.classify(c.title(), c.content(), c.fieldCode(), c.addressee());
        RoutingDecision decision = policy.decide(found);
        act(c, found, decision, ROUTER, null);
        return Optional.of(decision);
    }

    /** A body sent the case back (Đ11.2c): into the triage queue with the body's reason. */
    @Transactional
    public void routeReturned(String code, String byAgency) {
        CaseFile c = cases.find(code).orElseThrow(CaseService::noSuchCase);
        if (c.state() != CaseState.RETURNED_TO_CENTRAL_OFFICE) {
            return;
        }
        String reason = cases.fullHistory(c).stream()
                .filter(e -> CaseAction.RETURN_TO_CENTRAL_OFFICE.name().equals(e.action()))
                .reduce((first, last) -> last).map(CaseEvent::reason).orElse("");
        Classification previous = classifier.classify(c.title(), c.content(), c.fieldCode(), c.addressee());
        act(c, previous, policy.returned(byAgency, reason), ROUTER, null);
    }

    /** Staff of the Central Party Office classified the case by hand and send it on. */
    @Transactional
    public RoutingDecision dispatchByHand(CaseFile c, Classification manual, Actor staff) {
        RoutingDecision decision = policy.decide(manual);
        if (!decision.triage()) {
            act(c, manual, decision, staff, manual);
        }
        return decision;
    }

    private void act(CaseFile c, Classification found, RoutingDecision decision, Actor actor, Classification manual) {
        Map<String, Object> details = decision.asDetails();
        details.put("classification", found);
        save(c, found, decision, manual);
        if (decision.triage()) {
            cases.record(c, ROUTED_TO_TRIAGE, actor, decision.reason(), details);
            return;
        }
        CaseFile forwarded = cases.apply(c.code(), CaseAction.FORWARD, actor, decision.reason(),
                ActionInput.forwardTo(decision.leadAgency(), details));
        deliveries.plan(forwarded, decision.destinations().stream()
                .map(d -> new DeliveryTarget(d.agency(), d.system(), d.role().name())).toList(),
                dispatchRouting(found, decision));
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
        classification.put("fieldCode", found.field().fieldCode());
        classification.put("administrativeProcedure", decision.rule() == RoutingDecision.Rule.D10_2A);
        classification.put("procedureCode", found.procedure().procedureCode());
        r.put("classification", classification);
        return r;
    }

    private boolean hasRouting(CaseFile c) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from case_routing where case_id = :id)",
                new MapSqlParameterSource("id", c.id()), Boolean.class));
    }

    private void save(CaseFile c, Classification found, RoutingDecision decision, Classification manual) {
        jdbc.update("""
                insert into case_routing (case_id, case_code, classification, decision, triage, manual, decided_at)
                values (:id, :code, cast(:classification as jsonb), cast(:decision as jsonb), :triage,
                        cast(:manual as jsonb), now())
                on conflict (case_id) do update set classification = excluded.classification,
                    decision = excluded.decision, triage = excluded.triage,
                    manual = coalesce(excluded.manual, case_routing.manual), decided_at = now()""",
                new MapSqlParameterSource("id", c.id()).addValue("code", c.code())
                        .addValue("classification", write(found)).addValue("decision", write(decision.asDetails()))
                        .addValue("triage", decision.triage()).addValue("manual", manual == null ? null : write(manual)));
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
