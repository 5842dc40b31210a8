package vn.paknhub.notify;

import java.util.Map;
import java.util.Optional;
import vn.paknhub.casefile.CaseAction;
import vn.paknhub.casefile.CaseEvent;
import vn.paknhub.casefile.CaseState;

/**
 * Which steps of a case the submitter is told about, and with which template: receipt, a supplement
 * request and the result (Đ5.2); a rejection with its reason (seed 003); forwarding, acceptance and
 * an appeal's answer; a fast-track close (Đ11.3), the answer to a withdrawal request (Đ11.4) and a verification
 * hold where it is appropriate to tell (Đ20b); a progress update with the body's reason (Đ13.2) and the
 * suspension after a missed supplement (Đ11.2b).
 *
 * <p>The result is told once, when the Central Party Office has reviewed it (Đ12.4c), not when the body posts
 * it: an answer returned for rework must not reach the submitter as "the result". The review is PUBLISH when the
 * submitter consented to publication and APPROVE_RESULT when not; PUBLISH after an appeal's answer tells nothing
 * new (the answer was told as "appeal-answered").
 */
public final class NotificationPolicy {

    private static final Map<String, String> TEMPLATES = Map.ofEntries(
            Map.entry(CaseEvent.SUBMIT, "received"),
            Map.entry(CaseAction.REQUEST_SUPPLEMENT.name(), "supplement-requested"),
            Map.entry(CaseAction.REJECT.name(), "rejected"),
            Map.entry(CaseAction.FORWARD.name(), "forwarded"),
            Map.entry(CaseAction.ACCEPT.name(), "accepted"),
            Map.entry(CaseAction.PUBLISH.name(), "result-posted"),
            Map.entry(CaseAction.APPROVE_RESULT.name(), "result-posted"),
            Map.entry(CaseAction.PROGRESS_UPDATE.name(), "progress-update"),
            Map.entry(CaseAction.SUSPEND.name(), "suspended"),
            Map.entry(CaseAction.ANSWER_APPEAL.name(), "appeal-answered"),
            Map.entry(CaseAction.FAST_CLOSE.name(), "fast-closed"),
            Map.entry(CaseAction.CONFIRM_WITHDRAWAL.name(), "withdrawn"),
            Map.entry(CaseAction.REFUSE_WITHDRAWAL.name(), "withdrawal-refused"),
            // Đ20b: "thông báo rõ lý do … (nếu có thể và phù hợp)": unless the hold says the submitter is not told
            Map.entry(CaseAction.PLACE_ON_HOLD.name(), "verification-hold"));

    private NotificationPolicy() {
    }

    /** The template for a case event's action; empty when the submitter is not told about it. */
    public static Optional<String> templateFor(String action) {
        return Optional.ofNullable(TEMPLATES.get(action));
    }

    /** {@link #templateFor(String)} knowing the state the step left: publishing an appeal's answer tells nothing new. */
    public static Optional<String> templateFor(String action, String fromState) {
        if (CaseAction.PUBLISH.name().equals(action) && CaseState.APPEAL_ANSWERED.name().equals(fromState)) {
            return Optional.empty();
        }
        return templateFor(action);
    }

    static Iterable<String> templates() {
        return TEMPLATES.values();
    }
}
