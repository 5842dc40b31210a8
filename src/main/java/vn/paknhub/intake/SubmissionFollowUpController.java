package vn.paknhub.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.paknhub.abuse.LookupGuard;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.casefile.ActionInput;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.CaseAction;
import vn.paknhub.casefile.CaseEvent;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.casefile.IncomingAttachment;
import vn.paknhub.casefile.StateView.Label;
import vn.paknhub.casefile.StateView;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.text.VietnameseText;
import vn.paknhub.intake.FollowUpViews.AgencyRef;
import vn.paknhub.intake.FollowUpViews.AppealRequest;
import vn.paknhub.intake.FollowUpViews.PublicEvent;
import vn.paknhub.intake.FollowUpViews.RatingRequest;
import vn.paknhub.intake.FollowUpViews.SubmissionStatus;
import vn.paknhub.intake.FollowUpViews.SupplementRequest;
import vn.paknhub.intake.FollowUpViews.WithdrawalRequest;

/**
 * The submitter following an item with its tracking code and lookup secret: status and public
 * history, supplements (Đ11.2b), withdrawal (Đ11.4), rating and the one appeal (Đ14.1).
 */
@RestController
@RequestMapping("/api/v1/submissions/{code}")
class SubmissionFollowUpController {

    static final String SECRET = "X-Lookup-Secret";
    private static final int MAX_TEXT = 20_000;
    private static final Map<CaseAction, String> SUBMITTER_ACTIONS = Map.of(CaseAction.ADD_SUPPLEMENT, "SUPPLEMENT",
            CaseAction.REQUEST_WITHDRAWAL, "WITHDRAW", CaseAction.RATE, "RATE", CaseAction.APPEAL, "APPEAL");

    private final CaseService cases;
    private final AgencyDirectory agencies;
    private final AttachmentPolicy attachmentPolicy;
    private final CaseSettings settings;
    private final LookupGuard lookups;

    SubmissionFollowUpController(CaseService cases, AgencyDirectory agencies, AttachmentPolicy attachmentPolicy,
            CaseSettings settings, LookupGuard lookups) {
        this.lookups = lookups;
        this.cases = cases;
        this.agencies = agencies;
        this.attachmentPolicy = attachmentPolicy;
        this.settings = settings;
    }

    @GetMapping
    SubmissionStatus status(@PathVariable String code, @RequestHeader(name = SECRET, required = false) String secret) {
        CaseFile c = lookups.find(code, secret);
        List<PublicEvent> history = cases.publicHistory(c).stream().map(this::publicEvent).toList();
        AgencyRef agency = agencies.find(c.assignedAgency())
                .map(a -> new AgencyRef(a.code(), a.nameVi(), a.nameEn())).orElse(null);
        List<String> allowed = cases.allowedActions(c, ActorRole.SUBMITTER).stream()
                .map(SUBMITTER_ACTIONS::get).filter(a -> a != null).sorted().toList();
        return new SubmissionStatus(c.code(), c.title(), c.state(), StateView.label(c.state()),
                c.receivedAt().atZone(settings.timeZone()).toOffsetDateTime(), c.fieldCode(), agency,
                cases.attachmentsOf(c), history, cases.appealDeadline(c).orElse(null), allowed);
    }

    @PostMapping(path = "/supplements", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StateView> supplement(@PathVariable String code, @RequestHeader(name = SECRET, required = false) String secret,
            @RequestBody SupplementRequest request) {
        return supplement(code, secret, request, List.of());
    }

    @PostMapping(path = "/supplements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<StateView> supplementMultipart(@PathVariable String code,
            @RequestHeader(name = SECRET, required = false) String secret, @RequestPart("supplement") SupplementRequest request,
            @RequestPart(name = "attachments", required = false) List<MultipartFile> files) {
        return supplement(code, secret, request, attachmentPolicy.check(SubmissionController.uploads(files)));
    }

    private ResponseEntity<StateView> supplement(String code, String secret, SupplementRequest request,
            List<IncomingAttachment> files) {
        CaseFile c = lookups.find(code, secret);
        String text = requiredText("content", request.content(), MAX_TEXT);
        return ResponseEntity.accepted().body(StateView.of(cases.apply(c.code(), CaseAction.ADD_SUPPLEMENT,
                Actor.submitter(), null, ActionInput.supplement(text, files))));
    }

    @PostMapping(path = "/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StateView> withdraw(@PathVariable String code, @RequestHeader(name = SECRET, required = false) String secret,
            @RequestBody WithdrawalRequest request) {
        CaseFile c = lookups.find(code, secret);
        String reason = VietnameseText.normalize(request.reason());
        return ResponseEntity.accepted().body(StateView.of(cases.apply(c.code(), CaseAction.REQUEST_WITHDRAWAL,
                Actor.submitter(), reason, ActionInput.NONE)));
    }

    @PostMapping(path = "/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    StateView rate(@PathVariable String code, @RequestHeader(name = SECRET, required = false) String secret,
            @RequestBody RatingRequest request) {
        CaseFile c = lookups.find(code, secret);
        if (request.score() == null || request.score() < 1 || request.score() > 5) {
            throw ApiProblem.invalid("score", "range", "Điểm đánh giá phải từ 1 đến 5.", "The score must be 1 to 5.");
        }
        if (request.agree() == null) {
            throw ApiProblem.invalid("agree", "required", "Cần cho biết có đồng tình với kết quả trả lời không (Điều 14).",
                    "Say whether you agree with the answer (Art. 14).");
        }
        String comment = Optional.ofNullable(VietnameseText.normalize(request.comment())).orElse(null);
        return StateView.of(cases.apply(c.code(), CaseAction.RATE, Actor.submitter(), null,
                ActionInput.rating(request.score(), request.agree(), comment)));
    }

    @PostMapping(path = "/appeal", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StateView> appeal(@PathVariable String code, @RequestHeader(name = SECRET, required = false) String secret,
            @RequestBody AppealRequest request) {
        CaseFile c = lookups.find(code, secret);
        String reason = VietnameseText.normalize(request.reason());
        if (reason != null && reason.codePointCount(0, reason.length()) > MAX_TEXT) {
            throw tooLong("reason");
        }
        return ResponseEntity.accepted().body(StateView.of(cases.apply(c.code(), CaseAction.APPEAL, Actor.submitter(),
                reason, ActionInput.NONE)));
    }

    private PublicEvent publicEvent(CaseEvent e) {
        Label label = CaseEvent.SUBMIT.equals(e.action()) ? new Label("Đã gửi PAKN, SKGP", "Item submitted")
                : new Label(CaseAction.valueOf(e.action()).labelVi(), CaseAction.valueOf(e.action()).labelEn());
        return new PublicEvent(e.occurredAt().atZone(settings.timeZone()).toOffsetDateTime(), e.action(),
                e.toState(), label, e.reason());
    }

    private static String requiredText(String field, String value, int max) {
        String text = VietnameseText.normalize(value);
        if (text == null || text.isBlank()) {
            throw ApiProblem.invalid(field, "required", "Nội dung bổ sung không được để trống.",
                    "The supplement must not be empty.");
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw tooLong(field);
        }
        return text;
    }

    private static ApiProblem tooLong(String field) {
        return ApiProblem.invalid(field, "length", "Nội dung dài quá " + MAX_TEXT + " ký tự.",
                "The text is longer than " + MAX_TEXT + " characters.");
    }
}
