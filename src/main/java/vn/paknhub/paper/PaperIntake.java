package vn.paknhub.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.casefile.Channel;
import vn.paknhub.casefile.IncomingAttachment;
import vn.paknhub.casefile.NewCase;
import vn.paknhub.casefile.SubmitterDetails;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.problem.FieldError;
import vn.paknhub.core.text.VietnameseText;
import vn.paknhub.intake.ItemFactsReader;
import vn.paknhub.intake.SubmissionRequest;
import vn.paknhub.intake.SubmissionValidator;
import vn.paknhub.intake.Submitter;

/**
 * Turns a scanned letter into a case as a careful clerk would (Đ7.1b): the scan is stored before
 * anything else; its text is read page by page (the PDF's own text, or OCR); the letter's fields are
 * read, the clerk's sidecar data winning; then either the case is opened — the scan kept as its
 * attachment, the official receipt date starting its deadlines — or, when a page is unclear or Đ8
 * information is missing, the letter waits in the verification queue for a person. Nothing is
 * guessed silently and nothing is lost.
 */
@Component
public class PaperIntake {

    /** What became of a scan. */
    public enum Outcome { CASE_OPENED, TO_VERIFY, ALREADY_RECEIVED, FAILED, REFUSED }

    public record Result(UUID scanId, Outcome outcome, String reason, String caseCode) {
    }

    /** A person's reading of a letter in the verification queue; null fields keep what was read. */
    public record Correction(String text, String title, String addressee, String senderName, String address,
            String phone, String email) {
    }

    private static final Actor CLERK = new Actor(ActorRole.SYSTEM, "paper-intake");
    private final vn.paknhub.intake.ScopeScreen scope = new vn.paknhub.intake.ScopeScreen();

    private final PaperScans scans;
    private final PaperSettings settings;
    private final Tesseract ocr;
    private final CaseService cases;
    private final CaseSettings caseSettings;
    private final SubmissionValidator validator;
    private final TransactionTemplate tx;
    private final PaperLetters letters;

    PaperIntake(PaperScans scans, PaperSettings settings, Tesseract ocr, CaseService cases, CaseSettings caseSettings,
            SubmissionValidator validator, TransactionTemplate tx, PaperLetters letters) {
        this.scans = scans;
        this.settings = settings;
        this.ocr = ocr;
        this.cases = cases;
        this.caseSettings = caseSettings;
        this.validator = validator;
        this.tx = tx;
        this.letters = letters;
    }

    /**
     * A scan (and the scanning station's sidecar, or null) as it arrived at {@code arrivedAt}. A file
     * that cannot be a scan, or a sidecar that cannot be read, fails with the reason (kept, if it is a
     * scan, for an operator to reprocess).
     */
    public Result receive(String fileName, byte[] scan, byte[] sidecarBytes, Instant arrivedAt) {
        String mediaType;
        try {
            mediaType = ScanPages.mediaType(scan);
        } catch (ScanPages.Unreadable e) {
            return new Result(null, Outcome.FAILED, e.getMessage(), null);
        }
        if (scan.length > settings.maxFileSize().toBytes()) {
            return new Result(null, Outcome.FAILED, "tệp " + scan.length / 1024 + " KB, vượt giới hạn "
                    + settings.maxFileSize().toKilobytes() + " KB / the file is larger than the limit", null);
        }
        Sidecar sidecar;
        try {
            sidecar = sidecarBytes == null ? Sidecar.NONE : Sidecar.parse(sidecarBytes);
        } catch (IllegalArgumentException e) {
            return new Result(null, Outcome.FAILED, e.getMessage(), null);
        }
        Instant receivedAt = sidecar.receivedOn() != null ? officialReceipt(sidecar.receivedOn()) : arrivedAt;
        PaperScans.StoredScan stored = scans.store(fileName, mediaType, scan, sidecarBytes, sidecar.registerNumber(),
                receivedAt);
        if (!PaperScans.RECEIVED.equals(stored.status()) && !PaperScans.FAILED.equals(stored.status())) {
            return new Result(stored.id(), Outcome.ALREADY_RECEIVED, "cùng nội dung với bản quét đã nhận / same content as a"
                    + " scan already received", stored.caseCode());
        }
        return process(stored.id(), sidecar, scan);
    }

    /** Reads a stored scan again (an operator, after a failure, or once OCR is installed). */
    public Result reprocess(UUID id) {
        byte[] sidecar = scans.read(id, "sidecar_enc", byte[].class).orElse(null);
        return process(id, sidecar == null ? Sidecar.NONE : Sidecar.parse(sidecar), scans.content(id));
    }

    private Result process(UUID id, Sidecar sidecar, byte[] content) {
        List<ScanPages.Page> pages;
        try {
            // the slow part, outside any transaction: another node may be reading the same file; only one opens it
            pages = ScanPages.read(content, settings.maxPages(), settings.renderDpi(), ocr);
        } catch (ScanPages.Unreadable e) {
            scans.failed(id, e.getMessage());
            return new Result(id, Outcome.FAILED, e.getMessage(), null);
        }
        LetterReader.Letter letter = withClerkData(LetterReader.read(text(pages)), sidecar);
        return tx.execute(s -> {
            PaperScans.StoredScan row = scans.lock(id).orElseThrow();
            if (PaperScans.OPENED.equals(row.status())) {
                return new Result(id, Outcome.ALREADY_RECEIVED, null, row.caseCode());
            }
            List<String> doubts = doubts(pages, letter);
            if (!doubts.isEmpty()) {
                String reason = String.join("; ", doubts);
                scans.result(id, PaperScans.VERIFY, reason, pages, letter, null);
                return new Result(id, Outcome.TO_VERIFY, reason, null);
            }
            String code = open(row, content, letter, pages, text(pages), Map.of());
            scans.result(id, PaperScans.OPENED, null, pages, letter, code);
            return new Result(id, Outcome.CASE_OPENED, null, code);
        });
    }

    /**
     * A person has read the letter: their corrections replace what was read, the case opens, and
     * the history keeps both readings.
     */
    public Result release(UUID id, Correction fix, String operator) {
        return tx.execute(s -> {
            PaperScans.StoredScan row = scans.lock(id).orElseThrow(() -> new IllegalArgumentException("no scan " + id));
            if (!PaperScans.VERIFY.equals(row.status())) {
                return new Result(id, Outcome.ALREADY_RECEIVED, "not waiting for verification", row.caseCode());
            }
            LetterReader.Letter read = scans.read(id, "letter_enc", LetterReader.Letter.class).orElseThrow();
            LetterReader.Letter corrected = new LetterReader.Letter(or(fix.addressee(), read.addressee()),
                    or(fix.senderName(), read.senderName()), or(fix.address(), read.address()), or(fix.phone(), read.phone()),
                    or(fix.email(), read.email()), read.letterDate(), or(fix.title(), read.title()),
                    or(fix.text(), read.body()));
            Map<String, Object> corrections = new LinkedHashMap<>();
            compare(corrections, "addressee", read.addressee(), corrected.addressee());
            compare(corrections, "senderName", read.senderName(), corrected.senderName());
            compare(corrections, "address", read.address(), corrected.address());
            compare(corrections, "phone", read.phone(), corrected.phone());
            compare(corrections, "email", read.email(), corrected.email());
            compare(corrections, "title", read.title(), corrected.title());
            compare(corrections, "text", read.body(), corrected.body());
            List<FieldError> stillMissing = validator.validate(request(corrected));
            if (!stillMissing.isEmpty()) {
                throw new Incomplete(withRefusalHint(stillMissing, id));
            }
            List<ScanPages.Page> pages = List.of(scans.read(id, "pages_enc", ScanPages.Page[].class).orElseThrow());
            Map<String, Object> verified = new LinkedHashMap<>();
            verified.put("verifiedBy", operator);
            verified.put("corrections", corrections);
            // a text the person typed in place of the page's replaces the page's for reading the letter's facts too
            String code = open(row, scans.content(id), corrected, pages, fix.text() != null && !fix.text().isBlank()
                    ? corrected.body() : text(pages), verified);
            scans.result(id, PaperScans.OPENED, null, pages, corrected, code);
            scans.released(id, operator);
            return new Result(id, Outcome.CASE_OPENED, null, code);
        });
    }

    /**
     * A clerk has read the letter and found a complaint or denunciation, which the regulation leaves to the
     * competent authorities (Đ1.2): no case opens, the letter leaves the verification queue closed (REFUSED),
     * and the answer to post back says so and where to turn. The reason is the clerk's, or else the letter's own
     * words that the screen found make it one; the clerk's corrections of the writer's name and address (null:
     * none) are what the answer is posted to. With no address at all the letter is closed without an answer.
     */
    public Result refuse(UUID id, String reason, Correction fix, String operator) {
        return tx.execute(s -> {
            PaperScans.StoredScan row = scans.lock(id).orElseThrow(() -> ApiProblem.notFound("bản quét", "scan"));
            if (!PaperScans.VERIFY.equals(row.status())) {
                return new Result(id, Outcome.ALREADY_RECEIVED, "not waiting for verification", row.caseCode());
            }
            LetterReader.Letter read = scans.read(id, "letter_enc", LetterReader.Letter.class)
                    .orElse(new LetterReader.Letter(null, null, null, null, null, null, null, null));
            // the clerk's words, else the letter's own words that the screen found make it a complaint or denunciation
            String why = reason != null && !reason.isBlank() ? VietnameseText.normalize(reason.strip())
                    : scope.outOfScopeEvidence(read.title() == null ? "" : read.title(), read.body() == null ? ""
                            : read.body()).orElseThrow(() -> ApiProblem.invalid("reason", "required",
                                    "Cần ghi rõ nội dung khiếu nại, tố cáo trong thư (Điều 1.2).",
                                    "State what in the letter is a complaint or denunciation (Art. 1.2)."));
            Correction f = fix == null ? new Correction(null, null, null, null, null, null, null) : fix;
            String address = or(f.address(), read.address());
            // no address to post to (none on the page, none from the envelope): closed all the same, without a letter
            byte[] answer = letters.unavailable() != null || address == null || address.isBlank() ? null
                    : letters.outOfScope(new PaperLetters.Refusal(or(f.senderName(), read.senderName()), address,
                            or(f.title(), read.title()), row.receivedAt().atZoneSameInstant(caseSettings.timeZone())
                                    .toLocalDate(), read.letterDate(), row.registerNumber(), why),
                            LocalDate.now(caseSettings.timeZone()));
            scans.refused(id, why, operator, answer);
            return new Result(id, Outcome.REFUSED, answer != null ? why : why + " — không có thư trả lời: "
                    + (letters.unavailable() != null ? letters.unavailable() : "không có địa chỉ người viết / no letter:"
                            + " no address to post it to"), null);
        });
    }

    /**
     * A complaint or denunciation is never released into a case; the clerk is told the way out: refuse it, and
     * the answer letter is made (Đ1.2).
     */
    private static List<FieldError> withRefusalHint(List<FieldError> errors, UUID id) {
        if (errors.stream().noneMatch(e -> SubmissionValidator.OUT_OF_SCOPE.equals(e.rule()))) {
            return errors;
        }
        List<FieldError> out = new ArrayList<>(errors);
        out.add(new FieldError("content", SubmissionValidator.OUT_OF_SCOPE,
                "Thư khiếu nại, tố cáo không mở hồ sơ: từ chối bằng POST /api/v1/paper/" + id + "/refuse (hoặc nút"
                        + " «Từ chối» trên bàn xác minh), hệ thống lập thư trả lời để gửi người viết (Điều 1.2).",
                "A complaint or denunciation opens no case: refuse it with POST /api/v1/paper/" + id + "/refuse (or"
                        + " «Từ chối» on the scan desk) and the hub makes the answer letter to post back (Art. 1.2)."));
        return out;
    }

    /** The corrected letter still lacks what Đ8 requires. */
    public static final class Incomplete extends RuntimeException {
        private final List<FieldError> errors;

        Incomplete(List<FieldError> errors) {
            super("still missing Đ8 information");
            this.errors = errors;
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** {@code page}: the letter's whole text as read or corrected, its head and signature included. */
    private String open(PaperScans.StoredScan row, byte[] content, LetterReader.Letter letter, List<ScanPages.Page> pages,
            String page, Map<String, Object> verified) {
        SubmissionRequest request = request(letter);
        Submitter who = request.submitter();
        CaseService.CaseIdentity identity = cases.newIdentity();
        // the whole page is read for the kind and the sender's type, not only the body: the letter's heading ("THƯ
        // KIẾN NGHỊ"), its head and its signature ("TM. Hiệp hội …") are where a letter says them
        CaseFile opened = cases.open(identity, new NewCase(Channel.PAPER, request.title(), request.content(), null,
                letter.addressee(), false, new SubmitterDetails(who.fullName(), null, who.address(), who.phone(),
                        who.email(), null), List.of(new IncomingAttachment(row.fileName(), row.mediaType(), content)),
                row.receivedAt().toInstant(), ItemFactsReader.read(request.title(), page, who.fullName())));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scan", row.id().toString());
        details.put("registerNumber", row.registerNumber());
        details.put("pages", pages.stream().map(p -> Map.of("page", p.number(), "source", p.source().name(),
                "confidence", Math.round(p.confidence()))).toList());
        details.put("letterDate", letter.letterDate() == null ? null : letter.letterDate().toString());
        details.putAll(verified);
        if (letters.unavailable() == null) {
            // the writer may have no email: the letter posted back is how they learn the code and the secret
            scans.acknowledgement(row.id(), letters.acknowledgement(new PaperLetters.Receipt(opened.code(),
                    identity.lookupSecret(), who.fullName(), who.address(), request.title(),
                    row.receivedAt().atZoneSameInstant(caseSettings.timeZone()).toLocalDate(), letter.letterDate(),
                    row.registerNumber()), LocalDate.now(caseSettings.timeZone())));
        }
        details.put("acknowledgementLetter", letters.unavailable() == null ? "printable"
                : "not made: " + letters.unavailable());
        cases.record(opened, verified.isEmpty() ? "SCAN_READ" : "SCAN_VERIFIED",
                verified.isEmpty() ? CLERK : new Actor(ActorRole.CENTRAL_OFFICE, (String) verified.get("verifiedBy")),
                null, details);
        return opened.code();
    }

    private List<String> doubts(List<ScanPages.Page> pages, LetterReader.Letter letter) {
        return LetterCheck.doubts(pages, letter, validator, settings.minConfidence()).stream()
                .map(LetterCheck.Doubt::message).toList();
    }

    private static SubmissionRequest request(LetterReader.Letter l) {
        return LetterCheck.request(l);
    }

    /** What the clerk typed wins over what was read from the page. */
    private static LetterReader.Letter withClerkData(LetterReader.Letter l, Sidecar s) {
        return new LetterReader.Letter(or(s.addressee(), l.addressee()), or(s.sender(), l.senderName()),
                or(s.address(), l.address()), or(s.phone(), l.phone()), or(s.email(), l.email()), l.letterDate(),
                l.title(), l.body());
    }

    /** The registered day of receipt counts as received at the opening of office hours that day. */
    private Instant officialReceipt(LocalDate day) {
        return day.atTime(LocalTime.of(8, 0)).atZone(caseSettings.timeZone()).toInstant();
    }

    private static String text(List<ScanPages.Page> pages) {
        return String.join("\n\n", pages.stream().map(ScanPages.Page::text).toList());
    }

    private static String or(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }

    private static void compare(Map<String, Object> into, String field, String before, String after) {
        if (!java.util.Objects.equals(before, after)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("read", before);
            change.put("corrected", after);
            into.put(field, change);
        }
    }
}
