package vn.paknhub.paper;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.intake.ScopeScreen;

/**
 * A person looking at a scanned letter, through the API or the console: its record, the text of each page and
 * the fields read, a page as an image, the letter posted back. Each look at the letter's content is a read of
 * personal data, logged with the person's name (Đ17).
 */
@Component
class ScanViewer {

    /**
     * What a person verifying the letter sees besides the image.
     *
     * @param scopeEvidence the words that make the letter look like a complaint or denunciation (Đ1.2), or null
     */
    record Reading(PaperScans.StoredScan scan, List<ScanPages.Page> pages, LetterReader.Letter letter,
            String scopeEvidence) {
    }

    private final PaperScans scans;
    private final PaperSettings settings;
    private final ScopeScreen scope = new ScopeScreen();

    ScanViewer(PaperScans scans, PaperSettings settings) {
        this.scans = scans;
        this.settings = settings;
    }

    PaperScans.StoredScan find(UUID id) {
        return scans.find(id).orElseThrow(() -> ApiProblem.notFound("bản quét", "scan"));
    }

    Reading read(UUID id, String person) {
        PaperScans.StoredScan scan = find(id);
        scans.logAccess(id, person, "read text");
        Optional<LetterReader.Letter> letter = scans.read(id, "letter_enc", LetterReader.Letter.class);
        return new Reading(scan, scans.read(id, "pages_enc", ScanPages.Page[].class).map(List::of).orElse(List.of()),
                letter.orElse(null), letter.flatMap(l -> scope.outOfScopeEvidence(l.title() == null ? "" : l.title(),
                        l.body() == null ? "" : l.body())).orElse(null));
    }

    /** Page {@code n} (from 1) as a PNG image. */
    byte[] page(UUID id, int n, String person) {
        find(id);
        scans.logAccess(id, person, "page " + n);
        try {
            return ScanPages.png(ScanPages.image(scans.content(id), n - 1, settings.renderDpi()));
        } catch (ScanPages.Unreadable | IndexOutOfBoundsException e) {
            throw ApiProblem.notFound("trang " + n, "page " + n);
        }
    }

    /** The letter posted back to the writer (acknowledgement, or the Đ1.2 answer), as a PDF. */
    byte[] letterPostedBack(UUID id, String person) {
        byte[] pdf = scans.acknowledgement(id).orElseThrow(() -> ApiProblem.notFound("thư trả lời người gửi",
                "letter to the writer"));
        scans.logAccess(id, person, PaperScans.REFUSED.equals(find(id).status()) ? "out-of-scope answer letter"
                : "acknowledgement letter");
        return pdf;
    }

    Optional<PaperScans.StoredScan> ofCase(String caseCode) {
        return scans.ofCase(caseCode);
    }

    List<PaperScans.StoredScan> list(String status) {
        return scans.list(ApiProblem.oneOf("status", status, List.of(PaperScans.RECEIVED, PaperScans.VERIFY,
                PaperScans.OPENED, PaperScans.FAILED, PaperScans.REFUSED)), 500);
    }
}
