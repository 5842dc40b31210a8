package vn.paknhub.casefile;

import java.util.Objects;

/**
 * What the state machine needs to know about a case to decide a step.
 *
 * @param state            current state
 * @param resumeState      state to return to when a withdrawal request is refused or a verification hold
 *                         is released; null when the case is not paused
 * @param consentToPublish the submitter agreed to publication (Đ5.1)
 * @param appealUsed       the submitter has already appealed (Đ14.1 allows it once)
 * @param appealWindowOpen the Đ14.1 time limit for appealing has not yet passed
 */
public record TransitionContext(CaseState state, CaseState resumeState, boolean consentToPublish,
        boolean appealUsed, boolean appealWindowOpen) {

    public TransitionContext {
        Objects.requireNonNull(state, "state");
    }
}
