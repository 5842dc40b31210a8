package vn.paknhub.sync;

import java.util.Map;
import java.util.Optional;
import vn.paknhub.casefile.CaseAction;

/**
 * The canonical statuses a handling system reports (schemas/messages/status-update.v1) and the step
 * of the regulation each one is in the hub's case file. RECEIVED only acknowledges the dispatch: it
 * is recorded and changes nothing.
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

    private StatusVocabulary() {
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
