package vn.paknhub.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.paknhub.casefile.CaseAction.APPEAL;
import static vn.paknhub.casefile.CaseAction.REQUEST_WITHDRAWAL;
import static vn.paknhub.casefile.CaseState.ACCEPTED;
import static vn.paknhub.casefile.CaseState.APPEALED;
import static vn.paknhub.casefile.CaseState.APPEAL_ANSWERED;
import static vn.paknhub.casefile.CaseState.CLOSED;
import static vn.paknhub.casefile.CaseState.COORDINATION;
import static vn.paknhub.casefile.CaseState.ESCALATED;
import static vn.paknhub.casefile.CaseState.FORWARDED;
import static vn.paknhub.casefile.CaseState.IN_PROGRESS;
import static vn.paknhub.casefile.CaseState.OVERDUE;
import static vn.paknhub.casefile.CaseState.PUBLISHED;
import static vn.paknhub.casefile.CaseState.RESULT_APPROVED;
import static vn.paknhub.casefile.CaseState.RESULT_POSTED;
import static vn.paknhub.casefile.CaseState.RETURNED_FOR_REWORK;
import static vn.paknhub.casefile.CaseState.VERIFICATION_HOLD;
import static vn.paknhub.casefile.CaseState.WITHDRAWAL_REQUESTED;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every (state × action × role) combination against the hand-written table in transitions.csv. */
class CaseStateMachineTableTest {

    private static final String REASON = "Nội dung đã được giải quyết tại cơ quan khác.";

    /** Where a withdrawal request gets the Đ11.4 message: the item was necessarily accepted already. */
    private static final Set<CaseState> ACCEPTED_OR_LATER = EnumSet.of(ACCEPTED, IN_PROGRESS, COORDINATION,
            OVERDUE, ESCALATED, RESULT_POSTED, RETURNED_FOR_REWORK, PUBLISHED, RESULT_APPROVED, APPEALED, APPEAL_ANSWERED, CLOSED);

    /** Where an appeal gets the "no result yet" message: no result exists for the submitter to answer. */
    private static final Set<CaseState> WITHOUT_RESULT = EnumSet.complementOf(
            EnumSet.of(RESULT_POSTED, PUBLISHED, RESULT_APPROVED, APPEALED, APPEAL_ANSWERED, CLOSED));

    private final CaseStateMachine machine = new CaseStateMachine();

    /** A context in which no guard blocks anything, so only the table and roles decide. */
    static TransitionContext unguarded(CaseState state) {
        CaseState resume = switch (state) {
            case VERIFICATION_HOLD -> IN_PROGRESS;
            case WITHDRAWAL_REQUESTED -> FORWARDED;
            default -> null;
        };
        return new TransitionContext(state, resume, true, false, true);
    }

    /** {@link #unguarded(CaseState)} for one action: approving without publishing needs the consent absent. */
    static TransitionContext unguarded(CaseState state, CaseAction action) {
        TransitionContext ctx = unguarded(state);
        return action == CaseAction.APPROVE_RESULT
                ? new TransitionContext(state, ctx.resumeState(), false, false, true) : ctx;
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (CaseState state : CaseState.values()) {
            for (CaseAction action : CaseAction.values()) {
                for (ActorRole role : ActorRole.values()) {
                    all.add(Arguments.of(state, action, role));
                }
            }
        }
        return all.stream();
    }

    static Stream<Arguments> everyStateAndRole() {
        return Stream.of(CaseState.values())
                .flatMap(state -> Stream.of(ActorRole.values()).map(role -> Arguments.of(state, role)));
    }

    /** The rule an unlisted pair must be refused with, per the specification's special messages. */
    private static String expectedRuleForUnlistedPair(CaseState state, CaseAction action) {
        if (action == REQUEST_WITHDRAWAL && state == VERIFICATION_HOLD) {
            return "D11.4-under-verification";
        }
        if (action == REQUEST_WITHDRAWAL && ACCEPTED_OR_LATER.contains(state)) {
            return "D11.4-withdrawal-after-acceptance";
        }
        if (action == APPEAL && (state == APPEALED || state == APPEAL_ANSWERED)) {
            return "D14.1-appeal-once";
        }
        if (action == APPEAL && WITHOUT_RESULT.contains(state)) {
            return "D14.1-no-result-yet";
        }
        return "illegal-transition";
    }

    @Test
    void csvHasTheHandCountedNumberOfRows() {
        List<ExpectedTable.Row> rows = ExpectedTable.rows();
        assertThat(rows).hasSize(ExpectedTable.LEGAL_PAIRS);
        assertThat(rows.stream().mapToInt(row -> row.roles().size()).sum()).isEqualTo(ExpectedTable.LEGAL_TRIPLES);
    }

    @ParameterizedTest(name = "{0} · {1} · {2}")
    @MethodSource("everyCombination")
    void decidesExactlyAsTheTableSays(CaseState state, CaseAction action, ActorRole role) {
        TransitionContext ctx = unguarded(state, action);
        ExpectedTable.Row row = ExpectedTable.row(state, action);

        if (ExpectedTable.permits(state, action, role)) {
            assertThat(machine.decide(ctx, action, role, REASON)).isEqualTo(
                    new Transition(state, action, row.expectedTarget(ctx), row.expectedResumeAfter(ctx)));
            return;
        }
        String expectedRule = row != null ? "role-not-permitted" : expectedRuleForUnlistedPair(state, action);
        assertThatThrownBy(() -> machine.decide(ctx, action, role, REASON))
                .isInstanceOfSatisfying(TransitionRefused.class, refused -> {
                    assertThat(refused.rule()).isEqualTo(expectedRule);
                    assertThat(refused.state()).isEqualTo(state);
                    assertThat(refused.action()).isEqualTo(action);
                });
    }

    @Test
    void machineAcceptsExactlyTheListedTriples() {
        Set<String> accepted = new HashSet<>();
        Set<String> listed = new HashSet<>();
        everyCombination().forEach(args -> {
            CaseState state = (CaseState) args.get()[0];
            CaseAction action = (CaseAction) args.get()[1];
            ActorRole role = (ActorRole) args.get()[2];
            String key = state + "/" + action + "/" + role;
            if (ExpectedTable.permits(state, action, role)) {
                listed.add(key);
            }
            if (catchThrowableOfType(TransitionRefused.class,
                    () -> machine.decide(unguarded(state, action), action, role, REASON)) == null) {
                accepted.add(key);
            }
        });
        assertThat(listed).hasSize(ExpectedTable.LEGAL_TRIPLES);
        assertThat(accepted).isEqualTo(listed);
    }

    @ParameterizedTest(name = "{0} · {1}")
    @MethodSource("everyStateAndRole")
    void allowedActionsAreTheListedOnes(CaseState state, ActorRole role) {
        // with consent the review publishes; without it, it approves (and cannot publish)
        Set<CaseAction> withConsent = new HashSet<>(ExpectedTable.actionsFor(state, role));
        withConsent.remove(CaseAction.APPROVE_RESULT);
        assertThat(machine.allowedActions(unguarded(state), role)).isEqualTo(withConsent);
        Set<CaseAction> withoutConsent = new HashSet<>(ExpectedTable.actionsFor(state, role));
        withoutConsent.remove(CaseAction.PUBLISH);
        assertThat(machine.allowedActions(unguarded(state, CaseAction.APPROVE_RESULT), role)).isEqualTo(withoutConsent);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("terminalStates")
    void terminalStatesAllowNothing(CaseState state) {
        for (ActorRole role : ActorRole.values()) {
            assertThat(machine.allowedActions(unguarded(state), role)).isEmpty();
            assertThat(ExpectedTable.actionsFor(state, role)).isEmpty();
        }
    }

    static Stream<CaseState> terminalStates() {
        return Stream.of(CaseState.REJECTED, CaseState.WITHDRAWN, CLOSED);
    }
}
