package vn.paknhub.paper;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.identity.CentralOfficeOnly;

/**
 * The verification queue of the paper channel (Central Party Office only): letters the hub could
 * not read with confidence or that lack Đ8 information, with their page images and the text read
 * (each read logged), released by a person with corrections; failed scans reprocessed.
 */
@RestController
@CentralOfficeOnly
class PaperController {

    private final AgencyAccess access;
    private final PaperScans scans;
    private final PaperIntake intake;
    private final PaperSettings settings;

    PaperController(AgencyAccess access, PaperScans scans, PaperIntake intake, PaperSettings settings) {
        this.access = access;
        this.scans = scans;
        this.intake = intake;
        this.settings = settings;
    }

    @GetMapping("/api/v1/paper")
    List<PaperScans.StoredScan> list(@RequestParam(defaultValue = PaperScans.VERIFY) String status) {
        return scans.list(ApiProblem.oneOf("status", status,
                List.of(PaperScans.RECEIVED, PaperScans.VERIFY, PaperScans.OPENED, PaperScans.FAILED)), 500);
    }

    /** The scan's record, the text of each page with its confidence, and the fields read (a logged read). */
    @GetMapping("/api/v1/paper/{id}")
    Map<String, Object> one(@PathVariable UUID id) {
        String operator = access.actorLabel();
        PaperScans.StoredScan scan = find(id);
        scans.logAccess(id, operator, "read text");
        return Map.of("scan", scan,
                "pages", scans.read(id, "pages_enc", ScanPages.Page[].class).map(List::of).orElse(List.of()),
                "letter", scans.read(id, "letter_enc", Map.class).orElse(Map.of()));
    }

    /** Page {@code n} (from 1) as a PNG image (a logged read). */
    @GetMapping(value = "/api/v1/paper/{id}/pages/{n}", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> page(@PathVariable UUID id, @PathVariable int n) {
        String operator = access.actorLabel();
        find(id);
        scans.logAccess(id, operator, "page " + n);
        try {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                    .body(ScanPages.png(ScanPages.image(scans.content(id), n - 1, settings.renderDpi())));
        } catch (ScanPages.Unreadable | IndexOutOfBoundsException e) {
            throw ApiProblem.notFound("trang " + n, "page " + n);
        }
    }

    /** The acknowledgement letter to post back to the writer, as a PDF to print (a logged read). */
    @GetMapping(value = "/api/v1/paper/{id}/acknowledgement", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> acknowledgement(
            @PathVariable UUID id) {
        String operator = access.actorLabel();
        PaperScans.StoredScan scan = find(id);
        byte[] pdf = scans.acknowledgement(id).orElseThrow(() -> ApiProblem.notFound("giấy báo tiếp nhận",
                "acknowledgement letter"));
        scans.logAccess(id, operator, "acknowledgement letter");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"giay-bao-" + scan.caseCode() + ".pdf\"")
                .body(pdf);
    }

    /** A person's reading of the letter: the case opens with it, both readings in its history. */
    @PostMapping("/api/v1/paper/{id}/release")
    PaperIntake.Result release(@PathVariable UUID id, @RequestBody(required = false) PaperIntake.Correction correction) {
        String operator = access.actorLabel();
        find(id);
        try {
            return intake.release(id, correction == null ? new PaperIntake.Correction(null, null, null, null, null, null,
                    null) : correction, operator);
        } catch (PaperIntake.Incomplete e) {
            throw ApiProblem.invalid(e.errors());
        }
    }

    @PostMapping("/api/v1/paper/{id}/reprocess")
    PaperIntake.Result reprocess(@PathVariable UUID id) {
        find(id);
        return intake.reprocess(id);
    }

    private PaperScans.StoredScan find(UUID id) {
        return scans.find(id).orElseThrow(() -> ApiProblem.notFound("bản quét", "scan"));
    }
}
