package vn.paknhub.intake;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.paknhub.casefile.AttachmentStore.StoredAttachment;
import vn.paknhub.casefile.CaseState;
import vn.paknhub.casefile.StateView.Label;

/** What the submitter sees when following an item (no internal steps, no other person's data). */
final class FollowUpViews {

    private FollowUpViews() {
    }

    record AgencyRef(String code, String nameVi, String nameEn) {
    }

    record PublicEvent(OffsetDateTime at, String action, CaseState state, Label label, String reason) {
    }

    record SubmissionStatus(String code, String title, CaseState state, Label stateLabel, OffsetDateTime receivedAt,
            String field, AgencyRef assignedAgency, List<StoredAttachment> attachments, List<PublicEvent> history,
            LocalDate appealDeadline, List<String> allowedActions) {
    }

    record SupplementRequest(String content) {
    }

    record WithdrawalRequest(String reason) {
    }

    record RatingRequest(Integer score, Boolean agree, String comment) {
    }

    record AppealRequest(String reason) {
    }
}
