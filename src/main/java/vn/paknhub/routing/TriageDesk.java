package vn.paknhub.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseState;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.problem.FieldError;
import vn.paknhub.routing.Classification.AddresseeFinding;
import vn.paknhub.routing.Classification.AddresseeSource;
import vn.paknhub.routing.Classification.FieldFinding;
import vn.paknhub.routing.Classification.ProcedureFinding;

/**
 * The Central Party Office's hand on the triage queue (Đ10.1, Đ10.4, Đ11.2c and the items the classifier
 * was not sure of): staff classify an item by hand and send it on, and the same Đ10 rules then decide the
 * way. One place for the API and the console.
 */
@Component
public class TriageDesk {

    /** Staff's classification: the lead body, any coordinating bodies, and whether it is about a procedure. */
    public record HandClassification(String leadAgency, List<String> coordinatingAgencies, Boolean administrativeProcedure,
            String fieldCode, String note) {
    }

    public record Dispatched(String code, String rule, String leadAgency, List<String> coordinatingAgencies, String reason) {
    }

    private final CaseService cases;
    private final CaseRouter router;
    private final AgencyDirectory directory;

    TriageDesk(CaseService cases, CaseRouter router, AgencyDirectory directory) {
        this.cases = cases;
        this.router = router;
        this.directory = directory;
    }

    /** The items waiting for a person, oldest first, with the router's decision (rule, reason, evidence). */
    public List<Map<String, Object>> queue(int limit) {
        return router.triageQueue(limit);
    }

    /** Sends one item on as {@code staff} classified it; {@code actor} is recorded as the one who did. */
    public Dispatched dispatch(String code, HandClassification hand, String staff, Actor actor) {
        CaseFile c = cases.find(code).orElseThrow(CaseService::noSuchCase);
        if (c.state() != CaseState.SUBMITTED && c.state() != CaseState.RETURNED_TO_CENTRAL_OFFICE) {
            throw ApiProblem.invalid("$", "not-in-triage", "Hồ sơ không chờ phân loại (trạng thái " + c.state() + ").",
                    "The case is not waiting for triage (state " + c.state() + ").");
        }
        RoutingDecision decision = router.dispatchByHand(c, classification(hand, staff), actor);
        if (decision.triage()) {
            throw ApiProblem.invalid("leadAgency", "needs-handling-body", decision.reasonVi()
                    + ": hãy chọn cơ quan xử lý, hoặc tự tiếp nhận qua API cơ quan.", decision.reasonEn()
                    + ": choose the handling body, or accept the case through the agency API.");
        }
        return new Dispatched(code, decision.rule().label(), decision.leadAgency(), decision.coordinatingAgencies(),
                decision.reason());
    }

    private Classification classification(HandClassification hand, String staff) {
        List<FieldError> errors = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        if (hand.leadAgency() == null || hand.leadAgency().isBlank()) {
            errors.add(new FieldError("leadAgency", "required", "Cần chọn cơ quan chủ trì.", "A lead body is required."));
        } else {
            bodies.add(hand.leadAgency());
        }
        if (hand.coordinatingAgencies() != null) {
            bodies.addAll(hand.coordinatingAgencies());
        }
        List<AddresseeFinding> addressees = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            String code = bodies.get(i).trim().toUpperCase(Locale.ROOT);
            String field = i == 0 ? "leadAgency" : "coordinatingAgencies[" + (i - 1) + "]";
            if (directory.find(code).isEmpty()) {
                errors.add(new FieldError(field, "unknown-agency", "Không có cơ quan mã «" + code + "».",
                        "No agency with code '" + code + "'."));
            } else {
                addressees.add(new AddresseeFinding(code, 1.0, AddresseeSource.STATED, "phân loại bởi " + staff
                        + " / classified by " + staff));
            }
        }
        if (hand.administrativeProcedure() == null) {
            errors.add(new FieldError("administrativeProcedure", "required",
                    "Cần cho biết có phải về thủ tục hành chính (Điều 10.2a).",
                    "Say whether it is about an administrative procedure (Art. 10.2a)."));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        List<String> why = hand.note() == null ? List.of() : List.of(hand.note());
        return new Classification(new FieldFinding(hand.fieldCode(), 1.0, why),
                new ProcedureFinding(null, hand.administrativeProcedure() ? 1.0 : 0.0, why), addressees);
    }
}
