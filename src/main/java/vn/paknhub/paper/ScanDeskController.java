package vn.paknhub.paper;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.console.ConsolePage;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.problem.FieldError;
import vn.paknhub.identity.CentralOfficeOnly;

/**
 * The clerks' desk for scanned letters the hub could not read with confidence or that lack Đ8 information:
 * the page image beside the text and the fields read; the clerk corrects and releases (the case opens under
 * the clerk's name, both readings in its history), refuses a complaint or denunciation (Đ1.2) with the letter
 * to post back, or has the scan read again. The same operations as the paper API, by hand.
 */
@ConsolePage
@CentralOfficeOnly
class ScanDeskController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final AgencyAccess access;
    private final ScanViewer viewer;
    private final PaperIntake intake;
    private final ZoneId zone;

    ScanDeskController(AgencyAccess access, ScanViewer viewer, PaperIntake intake, CaseSettings settings) {
        this.access = access;
        this.viewer = viewer;
        this.intake = intake;
        this.zone = settings.timeZone();
    }

    record Row(UUID id, String fileName, String registerNumber, String received, String reason, int attempts,
            String caseCode) {
    }

    @GetMapping("/console/scans")
    String list(@RequestParam(defaultValue = PaperScans.VERIFY) String status, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", List.of(PaperScans.VERIFY, PaperScans.FAILED, PaperScans.REFUSED, PaperScans.OPENED));
        model.addAttribute("rows", viewer.list(status).stream().map(s -> new Row(s.id(), s.fileName(), s.registerNumber(),
                WHEN.format(s.receivedAt().atZoneSameInstant(zone)), s.reason(), s.attempts(), s.caseCode())).toList());
        return "console/scans";
    }

    @GetMapping("/console/scans/{id}")
    String scan(@PathVariable UUID id, Model model) {
        ScanViewer.Reading r = viewer.read(id, access.actorLabel());
        model.addAttribute("s", r.scan());
        model.addAttribute("received", WHEN.format(r.scan().receivedAt().atZoneSameInstant(zone)));
        model.addAttribute("pages", r.pages());
        // a scan that could not be read at all still has its first page to look at
        model.addAttribute("pageCount", Math.max(1, r.pages().size()));
        if (!model.containsAttribute("fix")) {
            LetterReader.Letter l = r.letter();
            model.addAttribute("fix", l == null ? new PaperIntake.Correction(null, null, null, null, null, null, null)
                    : new PaperIntake.Correction(l.body(), l.title(), l.addressee(), l.senderName(), l.address(), l.phone(),
                            l.email()));
        }
        model.addAttribute("scopeEvidence", r.scopeEvidence());
        return "console/scan";
    }

    /** From a paper case's page to the scan it was opened from. */
    @GetMapping("/console/scans/of-case/{code}")
    String ofCase(@PathVariable String code) {
        return "redirect:/console/scans/" + viewer.ofCase(code).orElseThrow(() -> ApiProblem.notFound("bản quét của hồ sơ "
                + code, "scan of case " + code)).id();
    }

    @GetMapping(value = "/console/scans/{id}/pages/{n}", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> page(@PathVariable UUID id, @PathVariable int n) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(viewer.page(id, n, access.actorLabel()));
    }

    @GetMapping(value = "/console/scans/{id}/letter", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        PaperScans.StoredScan scan = viewer.find(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + PaperController.letterName(scan) + "\"")
                .body(viewer.letterPostedBack(id, access.actorLabel()));
    }

    /** The clerk's corrections (blank: keep what was read); the case opens, or the page says what Đ8 still misses. */
    @PostMapping("/console/scans/{id}/release")
    String release(@PathVariable UUID id, @ModelAttribute PaperIntake.Correction fix, RedirectAttributes flash) {
        viewer.find(id);
        try {
            PaperIntake.Result r = intake.release(id, fix, access.actorLabel());
            if (r.caseCode() != null && r.outcome() == PaperIntake.Outcome.CASE_OPENED) {
                flash.addFlashAttribute("done", r.caseCode());
                return "redirect:/console/cases/" + r.caseCode();
            }
            flash.addFlashAttribute("refused", "Bản quét không còn chờ xác minh / The scan no longer waits for verification");
        } catch (PaperIntake.Incomplete e) {
            flash.addFlashAttribute("refused", String.join("; ", e.errors().stream().map(FieldError::message).toList()));
            flash.addFlashAttribute("fix", fix);
        }
        return "redirect:/console/scans/" + id;
    }

    @PostMapping("/console/scans/{id}/refuse")
    String refuse(@PathVariable UUID id, @ModelAttribute PaperIntake.Correction fix,
            @RequestParam(required = false) String reason, RedirectAttributes flash) {
        viewer.find(id);
        try {
            PaperIntake.Result r = intake.refuse(id, reason, fix, access.actorLabel());
            flash.addFlashAttribute(r.outcome() == PaperIntake.Outcome.REFUSED ? "refusedLetter" : "refused",
                    r.outcome() == PaperIntake.Outcome.REFUSED ? id.toString()
                            : "Bản quét không còn chờ xác minh / The scan no longer waits for verification");
        } catch (ApiProblem p) {
            flash.addFlashAttribute("refused", p.errors().isEmpty() ? p.titleVi() : p.errors().get(0).message());
            flash.addFlashAttribute("fix", fix);
        }
        return "redirect:/console/scans/" + id;
    }

    @PostMapping("/console/scans/{id}/reprocess")
    String reprocess(@PathVariable UUID id, RedirectAttributes flash) {
        viewer.find(id);
        PaperIntake.Result r = intake.reprocess(id);
        flash.addFlashAttribute("reread", r.outcome().name() + (r.reason() == null ? "" : ": " + r.reason()));
        return r.outcome() == PaperIntake.Outcome.CASE_OPENED ? "redirect:/console/cases/" + r.caseCode()
                : "redirect:/console/scans/" + id;
    }
}
