package vn.paknhub.paper;

import java.util.ArrayList;
import java.util.List;
import vn.paknhub.intake.SubmissionRequest;
import vn.paknhub.intake.SubmissionValidator;
import vn.paknhub.intake.Submitter;

/**
 * Whether a letter as read can open a case, or what a person must supply or decide first: each page that
 * could not be read or was read with low confidence, then each Đ8 requirement the reading misses (the field and
 * the rule, so that the clerk is told the exact item: "submitter.address", "D8.2-contact") and a complaint or
 * denunciation (Đ1.2). Pages without ink (a duplex scan's blank back sides) are no doubt, unless every page is.
 */
final class LetterCheck {

    /**
     * One reason a person must look at the letter.
     *
     * @param key     what is missing or doubtful, stable for machines: {@code page-2:low-confidence},
     *                {@code submitter.address:required}, {@code content:D1.2-out-of-scope}
     * @param message the reason in words (Vietnamese first)
     */
    record Doubt(String key, String message) {
    }

    private LetterCheck() {
    }

    static List<Doubt> doubts(List<ScanPages.Page> pages, LetterReader.Letter letter, SubmissionValidator validator,
            int minConfidence) {
        List<Doubt> doubts = new ArrayList<>();
        for (ScanPages.Page p : pages) {
            if (p.source() == ScanPages.Source.BLANK) {
                continue;
            }
            if (p.problem() != null) {
                doubts.add(new Doubt("page-" + p.number() + ":unreadable", "trang " + p.number() + ": " + p.problem()));
            } else if (p.confidence() < minConfidence) {
                doubts.add(new Doubt("page-" + p.number() + ":low-confidence", "trang " + p.number()
                        + ": độ tin cậy nhận dạng " + Math.round(p.confidence()) + " < " + minConfidence + " / page "
                        + p.number() + " read with low confidence"));
            }
        }
        if (!pages.isEmpty() && pages.stream().allMatch(p -> p.source() == ScanPages.Source.BLANK)) {
            doubts.add(new Doubt("pages:blank", "không trang nào có chữ / every page is blank"));
        }
        if (doubts.isEmpty()) {
            validator.validate(request(letter)).forEach(e -> doubts.add(new Doubt(e.field() + ":" + e.rule(), "Đ8: "
                    + e.field() + ": " + e.message())));
        }
        return doubts;
    }

    static SubmissionRequest request(LetterReader.Letter l) {
        return new SubmissionRequest(l.title(), l.body(), null, l.addressee(),
                new Submitter(l.senderName(), null, l.address(), l.phone(), l.email(), null, null), Boolean.FALSE, null)
                .normalized();
    }
}
