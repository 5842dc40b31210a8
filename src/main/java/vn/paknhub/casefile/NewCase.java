package vn.paknhub.casefile;

import java.time.Instant;
import java.util.List;

/**
 * Everything a channel hands over to open a case; texts already normalised and validated.
 * {@code receivedAt} is the official time of receipt, which starts the deadlines: for a letter it is
 * the clerk's registered date, not the time of the scan. {@code facts}: the item's kind and its
 * submitter's type, as given or read at intake.
 */
public record NewCase(
        Channel channel,
        String title,
        String content,
        String fieldCode,
        String addressee,
        boolean consentToPublish,
        SubmitterDetails submitter,
        List<IncomingAttachment> attachments,
        Instant receivedAt,
        ItemFacts facts) {

    public NewCase {
        facts = facts == null ? ItemFacts.NONE : facts;
    }

    /** A case whose kind and submitter type nobody stated or read (tests and tools that open cases directly). */
    public NewCase(Channel channel, String title, String content, String fieldCode, String addressee,
            boolean consentToPublish, SubmitterDetails submitter, List<IncomingAttachment> attachments,
            Instant receivedAt) {
        this(channel, title, content, fieldCode, addressee, consentToPublish, submitter, attachments, receivedAt,
                ItemFacts.NONE);
    }
}
