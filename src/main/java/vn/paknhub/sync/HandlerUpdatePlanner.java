package vn.paknhub.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.bus.CaseEventMessage;
import vn.paknhub.bus.ConsumerInbox;
import vn.paknhub.casefile.CaseAction;
import vn.paknhub.casefile.CaseEvent;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.delivery.Deliveries;
import vn.paknhub.delivery.Deliveries.LeadSystem;
import vn.paknhub.delivery.DeliveryTarget;

/**
 * Keeps the handling system in step with the hub (Đ23), from the case-event bus: a step taken on the
 * hub's side (a supplement, a withdrawal request, an appeal, a rating, rework, a hold) becomes an
 * update delivered to the system that leads the case; a re-assignment by an officer becomes a
 * dispatch to the new body's system and an update telling the previous one. An update never goes
 * back to the system it came from. A batch is planned in one transaction with its dedupe records,
 * so a redelivered event plans nothing twice; the deliveries carry the guarantees of any delivery.
 */
@Component
class HandlerUpdatePlanner {

    static final String CONSUMER = "handler-sync";

    private final CaseService cases;
    private final Deliveries deliveries;
    private final AgencyDirectory agencies;
    private final ConsumerInbox inbox;
    private final TransactionTemplate tx;

    HandlerUpdatePlanner(CaseService cases, Deliveries deliveries, AgencyDirectory agencies, ConsumerInbox inbox,
            TransactionTemplate tx) {
        this.cases = cases;
        this.deliveries = deliveries;
        this.agencies = agencies;
        this.inbox = inbox;
        this.tx = tx;
    }

    public void plan(List<Exchange> records) {
        tx.executeWithoutResult(s -> inbox.firstSeen(CONSUMER, records,
                e -> actionOf(e).flatMap(StatusVocabulary::toldToHandler).isPresent()).forEach(this::plan));
    }

    private void plan(CaseEventMessage e) {
        CaseAction action = actionOf(e).orElseThrow();
        // the router and the triage queue plan their own dispatches (nearly every forward): nothing to read then
        if (action == CaseAction.FORWARD && deliveries.dispatched(e.caseCode(), e.caseVersion())) {
            return;
        }
        Optional<CaseFile> found = cases.find(e.caseCode());
        Optional<CaseEvent> recorded = found.flatMap(c -> cases.fullHistory(c).stream()
                .filter(x -> x.eventId().equals(e.eventId())).findFirst());
        if (recorded.isEmpty()) {
            return; // an event the case store does not hold was not made by this hub: nothing to tell
        }
        CaseFile c = found.get();
        CaseEvent event = recorded.get();
        Object source = event.details().get("source");
        String status = StatusVocabulary.toldToHandler(action).orElseThrow();
        if (action == CaseAction.FORWARD) {
            reassigned(c, e, event, source, status);
            return;
        }
        deliveries.leadSystem(c.code(), e.assignedAgency())
                .filter(lead -> !lead.system().equals(source))
                .ifPresent(lead -> deliveries.planUpdate(c, e.caseVersion(), e.assignedAgency(), lead, e.eventId(), status));
    }

    /**
     * A forward that the router or the triage queue did not plan (an officer, or a handling system
     * reporting FORWARDED) is a re-assignment to plan here.
     */
    private void reassigned(CaseFile c, CaseEventMessage e, CaseEvent event, Object source, String status) {
        String previous = deliveries.previousLeadAgency(c.code(), e.caseVersion()).orElse(null);
        agencies.find(e.assignedAgency()).ifPresent(to -> {
            Map<String, Object> routing = new LinkedHashMap<>();
            routing.put("rule", "MANUAL");
            routing.put("reason", event.reason() != null ? event.reason()
                    : "Chuyển bởi " + event.actorKind().labelVi() + " " + String.valueOf(event.actorId()));
            routing.put("confidence", 1.0);
            routing.put("leadAgency", to.code());
            routing.put("coordinatingAgencies", List.of());
            Map<String, Object> classification = new LinkedHashMap<>();
            classification.put("fieldCode", c.fieldCode());
            classification.put("administrativeProcedure", "b".equals(c.fieldCode()));
            classification.put("procedureCode", null);
            routing.put("classification", classification);
            deliveries.plan(c, e.caseVersion(), List.of(new DeliveryTarget(to.code(), to.system(), "LEAD")), routing);
        });
        if (previous != null && !previous.equals(e.assignedAgency())) {
            Optional<LeadSystem> old = deliveries.leadSystem(c.code(), previous);
            old.filter(lead -> !lead.system().equals(source))
                    .ifPresent(lead -> deliveries.planUpdate(c, e.caseVersion(), previous, lead, e.eventId(), status));
        }
    }

    private static Optional<CaseAction> actionOf(CaseEventMessage e) {
        try {
            return Optional.of(CaseAction.valueOf(e.action()));
        } catch (IllegalArgumentException notAnAction) {
            return Optional.empty();
        }
    }
}
