package vn.paknhub.sla;

import java.util.Optional;
import vn.paknhub.casefile.CaseAction;
import vn.paknhub.casefile.CaseState;

/**
 * Which clock runs in which state, and which steps start it again. A state change that keeps the
 * same clock leaves it running (processing goes on through coordination and progress updates); a
 * change to another clock stops the old one and starts the new one from the step's day zero. A case
 * forwarded or returned gets a fresh classification clock: it is a new body's turn to answer. An
 * escalated case runs no clock: it is the Steering Committee's to follow (Đ13.2).
 */
final class ClockPolicy {

    /** What a step does to the clocks: the one to stop, the one to start (either may be absent). */
    record Change(Optional<Clock> stop, Optional<Clock> start) {
        static final Change NONE = new Change(Optional.empty(), Optional.empty());
    }

    private ClockPolicy() {
    }

    static Optional<Clock> runningIn(CaseState state) {
        return Optional.ofNullable(switch (state) {
            case SUBMITTED, FORWARDED, RETURNED_TO_CENTRAL_OFFICE -> Clock.CLASSIFICATION;
            case SUPPLEMENT_REQUESTED -> Clock.SUPPLEMENT;
            case WITHDRAWAL_REQUESTED -> Clock.WITHDRAWAL;
            case ACCEPTED, IN_PROGRESS, COORDINATION, RETURNED_FOR_REWORK -> Clock.PROCESSING;
            case OVERDUE -> Clock.OVERDUE_UPDATE;
            case RESULT_POSTED, PUBLISHED, RESULT_APPROVED -> Clock.APPEAL_WINDOW;
            case APPEALED -> Clock.APPEAL_ANSWER;
            default -> null;
        });
    }

    /** {@code from} is null for the first step (the submission). */
    static Change on(String action, CaseState from, CaseState to) {
        Optional<Clock> before = from == null ? Optional.empty() : runningIn(from);
        Optional<Clock> after = runningIn(to);
        boolean restart = CaseAction.FORWARD.name().equals(action)
                || CaseAction.RETURN_TO_CENTRAL_OFFICE.name().equals(action);
        if (before.equals(after) && !restart) {
            return Change.NONE;
        }
        return new Change(before, after);
    }
}
