package vn.paknhub.notify;

import java.util.Map;
import java.util.Optional;
import vn.paknhub.casefile.CaseAction;
import vn.paknhub.casefile.CaseEvent;

/**
 * Which steps of a case the submitter is told about, and with which template: receipt, a supplement
 * request and the result (Đ5.2); a rejection with its reason (seed 003); forwarding, acceptance and
 * an appeal's answer; a fast-track close (Đ11.3), the answer to a withdrawal request (Đ11.4) and a verification
 * hold where it is appropriate to tell (Đ20b).
 */
public final class NotificationPolicy {

    private static final Map<String, String> TEMPLATES = Map.ofEntries(
            Map.entry(CaseEvent.SUBMIT, "received"),
            Map.entry(CaseAction.REQUEST_SUPPLEMENT.name(), "supplement-requested"),
            Map.entry(CaseAction.REJECT.name(), "rejected"),
            Map.entry(CaseAction.FORWARD.name(), "forwarded"),
            Map.entry(CaseAction.ACCEPT.name(), "accepted"),
            Map.entry(CaseAction.POST_RESULT.name(), "result-posted"),
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

    static Iterable<String> templates() {
        return TEMPLATES.values();
    }
}
