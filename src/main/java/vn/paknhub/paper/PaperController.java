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
    private final ScanViewer viewer;
    private final PaperIntake intake;

    PaperController(AgencyAccess access, ScanViewer viewer, PaperIntake intake) {
        this.access = access;
        this.viewer = viewer;
        this.intake = intake;
    }

    @GetMapping("/api/v1/paper")
    List<PaperScans.StoredScan> list(@RequestParam(defaultValue = PaperScans.VERIFY) String status) {
        return viewer.list(status);
    }

    /** The scan's record, the text of each page with its confidence, and the fields read (a logged read). */
    @GetMapping("/api/v1/paper/{id}")
    Map<String, Object> one(@PathVariable UUID id) {
        ScanViewer.Reading r = viewer.read(id, access.actorLabel());
        return Map.of("scan", r.scan(), "pages", r.pages(), "letter", r.letter() == null ? Map.of() : r.letter());
    }

    /** Page {@code n} (from 1) as a PNG image (a logged read). */
    @GetMapping(value = "/api/v1/paper/{id}/pages/{n}", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> page(@PathVariable UUID id, @PathVariable int n) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(viewer.page(id, n, access.actorLabel()));
    }

    /**
     * The letter to post back to the writer, as a PDF to print (a logged read): the acknowledgement, or the
     * answer to a complaint or denunciation the hub does not handle.
     */
    @GetMapping(value = "/api/v1/paper/{id}/acknowledgement", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> acknowledgement(@PathVariable UUID id) {
        PaperScans.StoredScan scan = viewer.find(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + letterName(scan) + "\"")
                .body(viewer.letterPostedBack(id, access.actorLabel()));
    }

    /** The file name of the letter posted back: by case code, or by register number for a refused letter. */
    static String letterName(PaperScans.StoredScan scan) {
        return scan.caseCode() != null ? "giay-bao-" + scan.caseCode() + ".pdf"
                : "thong-bao-" + (scan.registerNumber() == null ? scan.id() : scan.registerNumber()
                        .replaceAll("[^A-Za-z0-9-]", "-")) + ".pdf";
    }

    /** A person's reading of the letter: the case opens with it, both readings in its history. */
    @PostMapping("/api/v1/paper/{id}/release")
    PaperIntake.Result release(@PathVariable UUID id, @RequestBody(required = false) PaperIntake.Correction correction) {
        viewer.find(id);
        try {
            return intake.release(id, correction == null ? new PaperIntake.Correction(null, null, null, null, null, null,
                    null) : correction, access.actorLabel());
        } catch (PaperIntake.Incomplete e) {
            throw ApiProblem.invalid(e.errors());
        }
    }

    /**
     * The clerk's finding that the letter is a complaint or denunciation (Đ1.2): answered by letter, no case.
     * The writer's name and address, when given, correct what was read: the answer is posted to them.
     */
    record Refusal(String reason, String senderName, String address) {
    }

    @PostMapping("/api/v1/paper/{id}/refuse")
    PaperIntake.Result refuse(@PathVariable UUID id, @RequestBody(required = false) Refusal refusal) {
        viewer.find(id);
        return intake.refuse(id, refusal == null ? null : refusal.reason(), refusal == null ? null
                : new PaperIntake.Correction(null, null, null, refusal.senderName(), refusal.address(), null, null),
                access.actorLabel());
    }

    @PostMapping("/api/v1/paper/{id}/reprocess")
    PaperIntake.Result reprocess(@PathVariable UUID id) {
        viewer.find(id);
        return intake.reprocess(id);
    }
}
