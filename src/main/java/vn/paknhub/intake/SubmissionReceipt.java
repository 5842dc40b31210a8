package vn.paknhub.intake;

import java.time.OffsetDateTime;
import vn.paknhub.casefile.CaseState;

/** What the submitter gets back: the tracking code and, once only, the secret to follow the item. */
public record SubmissionReceipt(String code, String lookupSecret, CaseState state, OffsetDateTime receivedAt,
        String statusUrl) {
}
