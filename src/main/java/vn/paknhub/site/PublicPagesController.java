package vn.paknhub.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.paknhub.abuse.LookupGuard;
import vn.paknhub.abuse.SubmitterGuard;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.casefile.CaseAction;
import vn.paknhub.casefile.CaseEvent;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.casefile.Channel;
import vn.paknhub.casefile.ItemKind;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.problem.FieldError;
import vn.paknhub.intake.AttachmentPolicy;
import vn.paknhub.intake.FieldCatalogue;
import vn.paknhub.intake.IntakeService;
import vn.paknhub.intake.SubmissionReceipt;
import vn.paknhub.intake.SubmissionRequest;
import vn.paknhub.intake.Submitter;
import vn.paknhub.maintenance.MaintenanceAnnouncements;
import vn.paknhub.maintenance.MaintenanceNotices;

/**
 * The public pages (Vietnamese, rendered on the server, no script needed): send an item through the
 * same validation and intake as the API, follow it by code and secret at the stable address
 * {@code /tra-cuu} (printed on paper acknowledgements and in receipts), and read the maintenance and
 * incident notices (Đ16). Published answers are the publication API's; the page links to it.
 */
@Controller
class PublicPagesController {

    /** The form's inputs by the intake's field names: an error is shown next to the input it is about. */
    static final Map<String, String> INPUT = Map.ofEntries(Map.entry("title", "title"), Map.entry("content", "content"),
            Map.entry("field", "field"), Map.entry("kind", "kind"), Map.entry("addressee", "addressee"),
            Map.entry("consentToPublish", "consent-yes"), Map.entry("submitter", "fullName"),
            Map.entry("submitter.fullName", "fullName"), Map.entry("submitter.organisation", "organisation"),
            Map.entry("submitter.address", "address"), Map.entry("submitter.phone", "phone"),
            Map.entry("submitter.email", "email"), Map.entry("submitter.idNumber", "idNumber"),
            Map.entry("attachments", "attachments"));
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final FieldCatalogue fields;
    private final IntakeService intake;
    private final SubmitterGuard guard;
    private final AttachmentPolicy attachments;
    private final LookupGuard lookups;
    private final CaseService cases;
    private final AgencyDirectory agencies;
    private final CaseSettings settings;
    private final MaintenanceNotices notices;
    private final MaintenanceAnnouncements announcements;

    PublicPagesController(FieldCatalogue fields, IntakeService intake, SubmitterGuard guard, AttachmentPolicy attachments,
            LookupGuard lookups, CaseService cases, AgencyDirectory agencies, CaseSettings settings,
            MaintenanceNotices notices, MaintenanceAnnouncements announcements) {
        this.fields = fields;
        this.intake = intake;
        this.guard = guard;
        this.attachments = attachments;
        this.lookups = lookups;
        this.cases = cases;
        this.agencies = agencies;
        this.settings = settings;
        this.notices = notices;
        this.announcements = announcements;
    }

    /** A notice as the page shows it. */
    record NoticeLine(String id, String kind, String title, String text) {
    }

    private List<NoticeLine> notices() {
        return notices.notOverBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(7))).stream()
                .map(n -> new NoticeLine(n.id().toString(), n.kind() == MaintenanceNotices.Kind.MAINTENANCE
                        ? "Bảo trì" : "Sự cố", n.titleVi(), announcements.describe(n))).toList();
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("notices", notices());
        return "site/home";
    }

    @GetMapping("/thong-bao")
    String notices(Model model) {
        model.addAttribute("notices", notices());
        return "site/notices";
    }

    @GetMapping("/gui-pakn")
    String form(Model model) {
        return form(model, Map.of(), List.of());
    }

    private String form(Model model, Map<String, String> values, List<FieldError> errors) {
        model.addAttribute("fields", fields.all());
        model.addAttribute("kinds", ItemKind.values());
        model.addAttribute("v", values);
        model.addAttribute("errors", errors.stream().map(e -> new ShownError(INPUT.getOrDefault(e.field(), "title"),
                e.message())).toList());
        Map<String, String> byInput = new LinkedHashMap<>();
        errors.forEach(e -> byInput.merge(INPUT.getOrDefault(e.field(), "title"), e.message(), (a, b) -> a + " " + b));
        model.addAttribute("errorOf", byInput);
        return "site/submit";
    }

    /** An error as the summary at the top lists it: a link to the input, the message naming the field. */
    record ShownError(String input, String message) {
    }

    @PostMapping(path = "/gui-pakn")
    String submit(@RequestParam Map<String, String> params,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Boolean consent = switch (params.getOrDefault("consentToPublish", "")) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
        SubmissionRequest request = new SubmissionRequest(blank(params.get("title")), blank(params.get("content")),
                blank(params.get("field")), blank(params.get("addressee")), new Submitter(blank(params.get("fullName")),
                        blank(params.get("organisation")), blank(params.get("address")), blank(params.get("phone")),
                        blank(params.get("email")), blank(params.get("idNumber")), null), consent, blank(params.get("kind")));
        try {
            var warning = guard.admit(request.submitter());
            SubmissionReceipt receipt = intake.submit(request, attachments.check(uploads(files)), Channel.WEB, null);
            warning.ifPresent(m -> guard.noteWarning(receipt.code(), m));
            model.addAttribute("receipt", receipt);
            return "site/submitted";
        } catch (ApiProblem problem) {
            response.setStatus(problem.status() == HttpStatus.TOO_MANY_REQUESTS ? 429 : 422);
            List<FieldError> errors = problem.errors().isEmpty() ? List.of(new FieldError("title", "refused",
                    problem.titleVi(), problem.titleEn())) : problem.errors();
            Map<String, String> kept = new LinkedHashMap<>(params);
            return form(model, kept, errors);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<AttachmentPolicy.Upload> uploads(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        List<AttachmentPolicy.Upload> out = new ArrayList<>();
        for (MultipartFile f : files) {
            if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty())) {
                continue; // the form's file input sends an empty part when nothing was chosen
            }
            try {
                out.add(new AttachmentPolicy.Upload(f.getOriginalFilename(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * The follow-up page; {@code ma} pre-fills the code (the address printed on letters and receipts).
     * The secret is posted, never put in an address, so it stays out of logs and browser history.
     */
    @GetMapping("/tra-cuu")
    String follow(@RequestParam(name = "ma", required = false) String code, Model model) {
        model.addAttribute("code", code == null ? "" : code.strip());
        return "site/follow";
    }

    /** One step of the item's public history as the page lists it. */
    record Step(String at, String label, String state, String reason) {
    }

    @PostMapping("/tra-cuu")
    String lookup(@RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "secret", required = false) String secret, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        model.addAttribute("code", c);
        if (c.isEmpty() || secret == null || secret.isBlank()) {
            response.setStatus(422);
            model.addAttribute("error", "Cần nhập cả mã số theo dõi và mã bí mật tra cứu được cấp khi gửi PAKN, SKGP.");
            return "site/follow";
        }
        CaseFile item;
        try {
            item = lookups.find(c, secret.strip());
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            model.addAttribute("error", problem.status() == HttpStatus.NOT_FOUND
                    ? "Không tìm thấy PAKN, SKGP với mã số theo dõi và mã bí mật này. Đề nghị kiểm tra lại hai mã trên"
                            + " giấy biên nhận hoặc thư xác nhận."
                    : problem.titleVi() + (problem.errors().isEmpty() ? "" : ": " + problem.errors().get(0).message()));
            return "site/follow";
        }
        model.addAttribute("item", item);
        model.addAttribute("state", item.state().labelVi());
        model.addAttribute("received", SHOWN.format(item.receivedAt().atZone(settings.timeZone())));
        model.addAttribute("field", item.fieldCode() == null ? "Chưa xác định" : fields.find(item.fieldCode())
                .map(FieldCatalogue.Field::nameVi).orElse(item.fieldCode()));
        model.addAttribute("agency", item.assignedAgency() == null ? "Văn phòng Trung ương Đảng (đang phân loại)"
                : agencies.find(item.assignedAgency()).map(AgencyDirectory.Agency::nameVi).orElse(item.assignedAgency()));
        model.addAttribute("steps", cases.publicHistory(item).stream().map(this::step).toList());
        model.addAttribute("appealUntil", cases.appealDeadline(item).map(d -> DateTimeFormatter.ofPattern("dd/MM/yyyy")
                .format(d)).orElse(null));
        return "site/follow";
    }

    private Step step(CaseEvent e) {
        String label = CaseEvent.SUBMIT.equals(e.action()) ? "Đã gửi PAKN, SKGP" : labelOf(e.action());
        return new Step(SHOWN.format(e.occurredAt().atZone(settings.timeZone())), label, e.toState().labelVi(), e.reason());
    }

    private static String labelOf(String action) {
        try {
            return CaseAction.valueOf(action).labelVi();
        } catch (IllegalArgumentException other) {
            return action;
        }
    }
}
