package vn.paknhub.casefile;

import java.time.Instant;
import java.util.UUID;

/**
 * A case as stored, without its submitter's personal data (read through {@link CaseService#readSubmitter}).
 * {@code facts}: the item's kind and its submitter's type as recorded at intake, never null.
 */
public record CaseFile(
        UUID id,
        String code,
        Channel channel,
        CaseState state,
        CaseState resumeState,
        int version,
        String title,
        String content,
        String fieldCode,
        String addressee,
        String assignedAgency,
        boolean consentToPublish,
        boolean appealUsed,
        Integer ratingScore,
        Boolean ratingAgree,
        Instant receivedAt,
        Instant resultPostedAt,
        Instant updatedAt,
        ItemFacts facts) {

    public CaseFile {
        facts = facts == null ? ItemFacts.NONE : facts;
    }
}
