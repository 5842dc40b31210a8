package vn.paknhub.casefile;

import java.time.Instant;
import java.util.List;

/**
 * Everything a channel hands over to open a case; texts already normalised and validated.
 * {@code receivedAt} is the official time of receipt, which starts the deadlines: for a letter it is
 * the clerk's registered date, not the time of the scan.
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
        Instant receivedAt) {
}
