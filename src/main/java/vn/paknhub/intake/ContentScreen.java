package vn.paknhub.intake;

import java.util.Optional;
import vn.paknhub.casefile.CaseAction;

/**
 * The requirements on an item's content that a person must judge but the hub can see first (Art. 8.2, 8.3),
 * for every channel: web, e-mail and paper items all meet it when they are routed. Shorthand and other
 * languages (Art. 8.1) are answered earlier, by {@link SubmissionValidator}, so that the web form tells the
 * writer at once; complaints (Art. 1.2) likewise.
 *
 * <ul>
 * <li>Offensive or inciting words (Art. 8.3): held for verification (Art. 20b); the writer is told why when
 * the words insult, not when they incite (Art. 20a: other authorities may have to act).
 * <li>Nothing concrete (Art. 8.2): the writer is asked to clarify (Art. 11.2b), with what is missing. An item
 * that only thanks is not "unclear": it is for the fast close (Art. 11.3), which the router suggests.
 * </ul>
 */
public final class ContentScreen {

    /** The stop the content calls for: the step, the rule it follows, the reasons and the words that show it. */
    public record Stop(String rule, CaseAction action, String reasonVi, String reasonEn, String evidence,
            boolean tellSubmitter) {

        /** The reason as the case history keeps it: Vietnamese, then English. */
        public String reason() {
            return reasonVi + " / " + reasonEn;
        }
    }

    private ContentScreen() {
    }

    /** The stop for an item, or empty when it may be routed. Texts are expected normalised; either may be null. */
    public static Optional<Stop> screen(String title, String content, int attachments) {
        Optional<OffensiveContent.Finding> offence = OffensiveContent.in(title, content);
        if (offence.isPresent()) {
            OffensiveContent.Kind kind = offence.get().kind();
            return Optional.of(new Stop("D8.3", CaseAction.PLACE_ON_HOLD,
                    "Nội dung có " + kind.vi() + "; PAKN, SKGP được tạm dừng xử lý để xác minh (Điều 8.3, Điều 20)",
                    "The content contains " + kind.en() + "; the item is held while it is verified (Art. 8.3, Art. 20)",
                    offence.get().evidence(), kind == OffensiveContent.Kind.INSULT));
        }
        if (ThanksOnly.evidence(title, content).isPresent()) {
            return Optional.empty();
        }
        return NothingConcrete.why(title, content, attachments).map(why -> new Stop("D8.2",
                CaseAction.REQUEST_SUPPLEMENT, why,
                "The item states no concrete fact or proposal; the submitter is asked to clarify it (Art. 8.2, Art. 11.2b)",
                null, true));
    }
}
