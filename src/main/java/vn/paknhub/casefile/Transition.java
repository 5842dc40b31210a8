package vn.paknhub.casefile;

import java.util.Objects;

/**
 * A decided step. {@code from == to} means the step is recorded as an event without changing state.
 *
 * @param resumeStateAfter the resume state the case must store after this step; null when not paused
 */
public record Transition(CaseState from, CaseAction action, CaseState to, CaseState resumeStateAfter) {

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(to, "to");
    }
}
