package vn.paknhub.agency;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.casefile.ActionInput;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.AttachmentLinks;
import vn.paknhub.casefile.AttachmentStore.StoredAttachment;
import vn.paknhub.casefile.CaseEvent;
import vn.paknhub.casefile.CaseAction;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseRepository;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.casefile.CaseState;
import vn.paknhub.casefile.FactSource;
import vn.paknhub.casefile.ItemKind;
import vn.paknhub.casefile.SimilarItems;
import vn.paknhub.casefile.StateView;
import vn.paknhub.casefile.SubmitterDetails;
import vn.paknhub.casefile.SubmitterType;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.problem.FieldError;
import vn.paknhub.core.text.VietnameseText;

/**
 * For bodies without a connected system of their own: list, read and act on the cases assigned to
 * them (Đ5.3). Every read of a submitter's personal data is written into the case history (Đ17).
 */
@RestController
@RequestMapping("/api/v1/agency/cases")
class AgencyController {

    private final AgencyAccess access;
    private final SimilarItems similarItems;
    private final CaseService cases;
    private final CaseRepository repository;
    private final AgencyDirectory directory;
    private final CaseSettings settings;
    private final CaseParticipation participation;
    private final java.time.Clock clock;
    private final AttachmentLinks links;
    private final vn.paknhub.publication.Publications publications;

    AgencyController(AgencyAccess access, CaseService cases, CaseRepository repository, AgencyDirectory directory,
            CaseSettings settings, CaseParticipation participation, java.time.Clock clock, AttachmentLinks links,
            SimilarItems similarItems, vn.paknhub.publication.Publications publications) {
        this.links = links;
        this.publications = publications;
        this.similarItems = similarItems;
        this.access = access;
        this.cases = cases;
        this.repository = repository;
        this.directory = directory;
        this.settings = settings;
        this.participation = participation;
        this.clock = clock;
    }

    record CaseSummary(String code, String title, CaseState state, String field, String channel,
            OffsetDateTime receivedAt, String assignedAgency) {
    }

    record CaseList(List<CaseSummary> items, int limit, int offset) {
    }

    /**
     * {@code kind} (Đ3.1) and {@code submitterType} (Đ2.3), each with its source: given by the submitter or read
     * from the text; null, both, when neither said.
     */
    record CaseDetail(String code, String title, CaseState state, String field, String channel,
            OffsetDateTime receivedAt, String assignedAgency, String content, String addressee,
            boolean consentToPublish, SubmitterDetails submitter, List<StoredAttachment> attachments,
            CaseState resumeState, Set<CaseAction> allowedActions, ItemKind kind, FactSource kindSource,
            SubmitterType submitterType, FactSource submitterTypeSource) {
    }

    record ActorView(ActorRole kind, String id) {
    }

    record CaseEventView(long seq, OffsetDateTime at, String action, CaseState fromState, CaseState toState,
            ActorView actor, String reason, Map<String, Object> details) {
    }

    /**
     * {@code resultDate}: with POST_RESULT, the day the result was decided, which starts its posting period (Đ13.3).
     * {@code publication}: with PUBLISH, the reviewer's corrections of the redacted text (Đ12.4b). {@code
     * tellSubmitter}: with PLACE_ON_HOLD, false when telling the submitter why is not appropriate (Đ20b).
     */
    record AgencyActionRequest(CaseAction action, String reason, String targetAgency, String resultDate,
            vn.paknhub.publication.Publications.Corrections publication, Boolean tellSubmitter) {
    }

    @GetMapping
    CaseList list(@RequestParam(required = false) CaseState state, @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "lead") String role) {
        String agency = access.authenticate();
        if (limit < 1 || limit > 200 || offset < 0) {
            throw ApiProblem.invalid("query:limit", "range", "limit phải từ 1 đến 200 và offset không âm.",
                    "limit must be 1–200 and offset not negative.");
        }
        if (!role.equals("lead") && !role.equals("coordinating")) {
            throw ApiProblem.invalid("query:role", "enum", "role là lead (chủ trì) hoặc coordinating (phối hợp).",
                    "role is lead or coordinating.");
        }
        List<CaseFile> found = role.equals("lead")
                ? repository.listForAgency(agency, access.isCentralOffice(agency), state, limit, offset)
                : participation.coordinatedBy(agency, limit, offset).stream().map(cases::find).flatMap(Optional::stream)
                        .filter(c -> state == null || c.state() == state).toList();
        List<CaseSummary> items = found.stream().map(this::summary).toList();
        return new CaseList(items, limit, offset);
    }

    @GetMapping("/{code}")
    CaseDetail detail(@PathVariable String code) {
        AgencyAccess.Access a = access.access(access.authenticate(), code);
        CaseFile c = a.caseFile();
        SubmitterDetails submitter = cases.readSubmitter(c, a.actor(), "GET /api/v1/agency/cases/" + code);
        return new CaseDetail(c.code(), c.title(), c.state(), c.fieldCode(), c.channel().name(), local(c),
                c.assignedAgency(), c.content(), c.addressee(), c.consentToPublish(), submitter,
                cases.attachmentsOf(c), c.resumeState(),
                a.coordinating() ? Set.of() : cases.allowedActions(c, a.actor().role()), c.facts().kind(),
                c.facts().kindSource(), c.facts().submitterType(), c.facts().submitterTypeSource());
    }

    /** Earlier items like this one (Đ5.5): a body sees those among its own cases, the Central Party Office all. */
    @GetMapping("/{code}/similar")
    List<SimilarItems.Similar> similar(@PathVariable String code) {
        String agency = access.authenticate();
        AgencyAccess.Access a = access.access(agency, code);
        return similarItems.visibleTo(a.caseFile().code(), agency, access.isCentralOffice(agency), 10);
    }

    @GetMapping("/{code}/history")
    List<CaseEventView> history(@PathVariable String code) {
        AgencyAccess.Access a = access.access(access.authenticate(), code);
        return cases.fullHistory(a.caseFile()).stream()
                .map(e -> new CaseEventView(e.seq(), e.occurredAt().atZone(settings.timeZone()).toOffsetDateTime(),
                        e.action(), e.fromState(), e.toState(), new ActorView(e.actorKind(), e.actorId()), e.reason(),
                        e.details()))
                .toList();
    }

    /**
     * One file of a case (Đ8.2: the submitter's evidence, a scanned letter, a supplement's documents), by
     * the id the case view shows. The caller's own credential is always required; a signed link the hub
     * put in a dispatch ({@code expires}, {@code signature}) must also be the one issued to that body and
     * unexpired. Each download is a read of personal data, written in the case's history; a refusal too.
     */
    @GetMapping("/{code}/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable String code, @PathVariable long id, @RequestParam(required = false) Long expires,
            @RequestParam(required = false) String signature) {
        String agency = access.authenticate();
        AgencyAccess.Access a = access.access(agency, code);
        CaseFile c = a.caseFile();
        StoredAttachment file = cases.attachmentOf(c, id);
        if (expires != null || signature != null) {
            String refusal = expires == null ? "signature" : links.refusal(c.code(), id, agency, expires, signature);
            if (refusal != null) {
                cases.recordAccess(c, CaseEvent.ACCESS_DENIED, a.actor(), "download of file " + id + " by link: " + refusal);
                throw new ApiProblem(HttpStatus.FORBIDDEN, refusal.equals("expired")
                        ? "Đường dẫn tải tệp đã hết hạn; tải lại bằng địa chỉ không kèm chữ ký hoặc chờ lần gửi lại"
                        : "Đường dẫn tải tệp không hợp lệ hoặc không cấp cho cơ quan này",
                        refusal.equals("expired") ? "The download link has expired"
                                : "The download link is not valid or was not issued to this body",
                        List.of(new FieldError("query:signature", "file-link-" + refusal, "Chữ ký hoặc hạn của đường dẫn"
                                + " không đúng", "The link's signature or expiry does not hold")));
            }
        }
        return cases.download(c, file, a.actor()).response();
    }

    @PostMapping("/{code}/actions")
    StateView act(@PathVariable String code, @RequestBody AgencyActionRequest request) {
        AgencyAccess.Access a = access.access(access.authenticate(), code).toAct();
        if (request.action() == null) {
            throw ApiProblem.invalid("action", "required", "Cần chọn thao tác.", "An action is required.");
        }
        String target = request.targetAgency() == null ? null : request.targetAgency().trim().toUpperCase(Locale.ROOT);
        if (target != null && directory.find(target).isEmpty()) {
            throw ApiProblem.invalid("targetAgency", "unknown-agency", "Không có cơ quan mã «" + target + "».",
                    "No agency with code '" + target + "'.");
        }
        if (request.publication() != null && request.action() != CaseAction.PUBLISH) {
            throw ApiProblem.invalid("publication", "publication", "«publication» chỉ đi kèm PUBLISH.",
                    "'publication' goes with PUBLISH only.");
        }
        // one way to publish, whichever door: the redaction is recorded and the public row written with the step
        if (request.action() == CaseAction.PUBLISH) {
            return StateView.of(publications.publish(a.caseFile().code(), a.actor(),
                    VietnameseText.normalize(request.reason()), request.publication()));
        }
        Map<String, Object> details = new java.util.HashMap<>(resultDate(request));
        if (request.tellSubmitter() != null) {
            if (request.action() != CaseAction.PLACE_ON_HOLD) {
                throw ApiProblem.invalid("tellSubmitter", "tell-submitter", "«tellSubmitter» chỉ đi kèm PLACE_ON_HOLD.",
                        "'tellSubmitter' goes with PLACE_ON_HOLD only.");
            }
            details.put(ActionInput.TELL_SUBMITTER, request.tellSubmitter());
        }
        CaseFile after = cases.apply(a.caseFile().code(), request.action(), a.actor(),
                VietnameseText.normalize(request.reason()), ActionInput.forwardTo(target, details));
        return StateView.of(after);
    }

    private Map<String, Object> resultDate(AgencyActionRequest request) {
        if (request.resultDate() == null || request.resultDate().isBlank()) {
            return Map.of();
        }
        LocalDate day = ApiProblem.date("resultDate", request.resultDate());
        if (request.action() != CaseAction.POST_RESULT || day.isAfter(LocalDate.now(clock.withZone(settings.timeZone())))) {
            throw ApiProblem.invalid("resultDate", "result-date", "«resultDate» chỉ đi kèm POST_RESULT và không thể là ngày"
                    + " trong tương lai.", "'resultDate' goes with POST_RESULT only and cannot be in the future.");
        }
        return Map.of("resultDate", day.toString());
    }

    private CaseSummary summary(CaseFile c) {
        return new CaseSummary(c.code(), c.title(), c.state(), c.fieldCode(), c.channel().name(), local(c),
                c.assignedAgency());
    }

    private OffsetDateTime local(CaseFile c) {
        return c.receivedAt().atZone(settings.timeZone()).toOffsetDateTime();
    }
}
