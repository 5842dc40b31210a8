package vn.paknhub.sync;

import java.util.Map;
import java.util.Optional;
import vn.paknhub.casefile.CaseAction;

/**
 * The canonical statuses of schemas/messages/status-update.v1, both ways. A handling system reports
 * a step it took, which is a step of the regulation in the hub's case file (RECEIVED only
 * acknowledges the dispatch: recorded, nothing changes). The hub tells the handling system of a step
 * taken on its own side: by the submitter, by the Central Party Office, or a re-assignment.
 */
public final class StatusVocabulary {

    public static final String RECEIVED = "RECEIVED";

    private static final Map<String, CaseAction> ACTIONS = Map.ofEntries(
            Map.entry("ACCEPTED", CaseAction.ACCEPT),
            Map.entry("REJECTED", CaseAction.REJECT),
            Map.entry("SUPPLEMENT_REQUESTED", CaseAction.REQUEST_SUPPLEMENT),
            Map.entry("IN_PROGRESS", CaseAction.START_PROCESSING),
            Map.entry("COORDINATION_REQUESTED", CaseAction.REQUEST_COORDINATION),
            Map.entry("COORDINATION_ENDED", CaseAction.END_COORDINATION),
            Map.entry("PROGRESS_UPDATE", CaseAction.PROGRESS_UPDATE),
            Map.entry("RESULT_POSTED", CaseAction.POST_RESULT),
            Map.entry("RETURNED_TO_CENTRAL_OFFICE", CaseAction.RETURN_TO_CENTRAL_OFFICE),
            Map.entry("FAST_CLOSED", CaseAction.FAST_CLOSE),
            Map.entry("FORWARDED", CaseAction.FORWARD),
            Map.entry("APPEAL_ANSWERED", CaseAction.ANSWER_APPEAL));

    /** Steps on the hub's side that the system handling the case must hear about (Đ23). */
    private static final Map<CaseAction, String> TOLD_TO_HANDLER = Map.ofEntries(
            Map.entry(CaseAction.ADD_SUPPLEMENT, "SUPPLEMENT_ADDED"),
            Map.entry(CaseAction.REQUEST_WITHDRAWAL, "WITHDRAWAL_REQUESTED"),
            Map.entry(CaseAction.CONFIRM_WITHDRAWAL, "WITHDRAWN"),
            Map.entry(CaseAction.REFUSE_WITHDRAWAL, "WITHDRAWAL_REFUSED"),
            Map.entry(CaseAction.APPEAL, "APPEALED"),
            Map.entry(CaseAction.RATE, "RATED"),
            Map.entry(CaseAction.RETURN_FOR_REWORK, "RETURNED_FOR_REWORK"),
            Map.entry(CaseAction.PUBLISH, "PUBLISHED"),
            Map.entry(CaseAction.FORWARD, "REASSIGNED"),
            Map.entry(CaseAction.PLACE_ON_HOLD, "ON_HOLD"),
            Map.entry(CaseAction.RELEASE_HOLD, "HOLD_RELEASED"),
            // steps the hub's deadline timers take (Đ11.2b, Đ13.2)
            Map.entry(CaseAction.SUSPEND, "SUSPENDED"),
            Map.entry(CaseAction.MARK_OVERDUE, "OVERDUE"),
            Map.entry(CaseAction.ESCALATE, "ESCALATED"));

    /** Notices of the hub's deadline timers, which change nothing in the case (a reminder, an alert). */
    public static final String DEADLINE_REMINDER = "DEADLINE_REMINDER";
    public static final String DEADLINE_PASSED = "DEADLINE_PASSED";

    private StatusVocabulary() {
    }

    /** Whether a handling system may report this status (the others are the hub's to send). */
    public static boolean reportable(String status) {
        return RECEIVED.equals(status) || ACTIONS.containsKey(status);
    }

    /** The status that tells the handling system of a step taken on the hub's side; empty if it need not hear of it. */
    public static Optional<String> toldToHandler(CaseAction action) {
        return Optional.ofNullable(TOLD_TO_HANDLER.get(action));
    }

    /** The step a status stands for; empty for RECEIVED, which changes nothing. */
    public static Optional<CaseAction> actionFor(String status) {
        if (RECEIVED.equals(status)) {
            return Optional.empty();
        }
        CaseAction action = ACTIONS.get(status);
        if (action == null) {
            throw new IllegalArgumentException("not a status of status-update v1: " + status);
        }
        return Optional.of(action);
    }
}
