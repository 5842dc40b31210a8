package vn.paknhub.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.paknhub.casefile.ActorRole.AGENCY;
import static vn.paknhub.casefile.ActorRole.CENTRAL_OFFICE;
import static vn.paknhub.casefile.ActorRole.SUBMITTER;
import static vn.paknhub.casefile.ActorRole.SYSTEM;
import static vn.paknhub.casefile.CaseAction.ACCEPT;
import static vn.paknhub.casefile.CaseAction.ADD_SUPPLEMENT;
import static vn.paknhub.casefile.CaseAction.ANSWER_APPEAL;
import static vn.paknhub.casefile.CaseAction.APPEAL;
import static vn.paknhub.casefile.CaseAction.CLOSE;
import static vn.paknhub.casefile.CaseAction.FAST_CLOSE;
import static vn.paknhub.casefile.CaseAction.FORWARD;
import static vn.paknhub.casefile.CaseAction.PLACE_ON_HOLD;
import static vn.paknhub.casefile.CaseAction.POST_RESULT;
import static vn.paknhub.casefile.CaseAction.PROGRESS_UPDATE;
import static vn.paknhub.casefile.CaseAction.PUBLISH;
import static vn.paknhub.casefile.CaseAction.RATE;
import static vn.paknhub.casefile.CaseAction.REFUSE_WITHDRAWAL;
import static vn.paknhub.casefile.CaseAction.REJECT;
import static vn.paknhub.casefile.CaseAction.RELEASE_HOLD;
import static vn.paknhub.casefile.CaseAction.REQUEST_SUPPLEMENT;
import static vn.paknhub.casefile.CaseAction.REQUEST_WITHDRAWAL;
import static vn.paknhub.casefile.CaseAction.RETURN_FOR_REWORK;
import static vn.paknhub.casefile.CaseAction.START_PROCESSING;
import static vn.paknhub.casefile.CaseAction.SUSPEND;
import static vn.paknhub.casefile.CaseState.ACCEPTED;
import static vn.paknhub.casefile.CaseState.APPEALED;
import static vn.paknhub.casefile.CaseState.APPEAL_ANSWERED;
import static vn.paknhub.casefile.CaseState.CLOSED;
import static vn.paknhub.casefile.CaseState.FAST_CLOSED;
import static vn.paknhub.casefile.CaseState.FORWARDED;
import static vn.paknhub.casefile.CaseState.IN_PROGRESS;
import static vn.paknhub.casefile.CaseState.PUBLISHED;
import static vn.paknhub.casefile.CaseState.RESULT_POSTED;
import static vn.paknhub.casefile.CaseState.RETURNED_FOR_REWORK;
import static vn.paknhub.casefile.CaseState.SUBMITTED;
import static vn.paknhub.casefile.CaseState.SUPPLEMENT_REQUESTED;
import static vn.paknhub.casefile.CaseState.SUSPENDED;
import static vn.paknhub.casefile.CaseState.VERIFICATION_HOLD;
import static vn.paknhub.casefile.CaseState.WITHDRAWAL_REQUESTED;
import static vn.paknhub.casefile.CaseState.WITHDRAWN;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Guards, resume behaviour, refusal messages and allowedActions(), beyond the bare table. */
class CaseStateMachineRulesTest {

    private static final String REASON = "Cần xác minh thêm thông tin người gửi.";

    private final CaseStateMachine machine = new CaseStateMachine();

    private static TransitionContext ctx(CaseState state) {
        return new TransitionContext(state, null, true, false, true);
    }

    private static TransitionContext paused(CaseState state, CaseState resume) {
        return new TransitionContext(state, resume, true, false, true);
    }

    /** The context the caller would store after {@code t}, keeping the other facts of the case. */
    private static TransitionContext after(Transition t, TransitionContext before) {
        return new TransitionContext(t.to(), t.resumeStateAfter(), before.consentToPublish(),
                before.appealUsed() || t.action() == APPEAL, before.appealWindowOpen());
    }

    private TransitionRefused refusal(TransitionContext ctx, CaseAction action, ActorRole actor, String reason) {
        TransitionRefused refused = catchThrowableOfType(TransitionRefused.class,
                () -> machine.decide(ctx, action, actor, reason));
        assertThat(refused).as("%s by %s in %s must be refused", action, actor, ctx.state()).isNotNull();
        return refused;
    }

    @Nested
    class Reasons {

        static Stream<Arguments> legalTriplesRequiringReason() {
            return ExpectedTable.rows().stream()
                    .filter(row -> row.action().reasonRequired())
                    .flatMap(row -> row.roles().stream().map(role -> Arguments.of(row.state(), row.action(), role)));
        }

        static Stream<Arguments> legalTriplesWithOptionalReason() {
            return ExpectedTable.rows().stream()
                    .filter(row -> !row.action().reasonRequired())
                    .flatMap(row -> row.roles().stream().map(role -> Arguments.of(row.state(), row.action(), role)));
        }

        @ParameterizedTest(name = "{0} · {1} · {2}")
        @MethodSource("legalTriplesRequiringReason")
        void blankReasonIsRefused(CaseState state, CaseAction action, ActorRole role) {
            TransitionContext ctx = CaseStateMachineTableTest.unguarded(state, action);
            // No-break, ideographic and zero-width spaces come from pasted office text and are not a reason.
            for (String blank : Arrays.asList(null, "", " ", "\t\r\n", "\u00A0", "\u3000\u2007", "\u200B", "\uFEFF")) {
                TransitionRefused refused = refusal(ctx, action, role, blank);
                assertThat(refused.rule()).isEqualTo("reason-required");
                assertThat(refused.messageVi()).contains("lý do").contains("«" + action.labelVi() + "»");
            }
            assertThat(machine.decide(ctx, action, role, " x ")).isNotNull();
        }

        @ParameterizedTest(name = "{0} · {1} · {2}")
        @MethodSource("legalTriplesWithOptionalReason")
        void optionalReasonMayBeOmitted(CaseState state, CaseAction action, ActorRole role) {
            assertThat(machine.decide(CaseStateMachineTableTest.unguarded(state, action), action, role, null)).isNotNull();
        }

        @Test
        void reasonMessageNamesTheArticle() {
            TransitionRefused refused = refusal(ctx(SUBMITTED), REJECT, AGENCY, "  ");
            assertThat(refused.messageVi()).isEqualTo("Phải nêu lý do khi thực hiện «Không tiếp nhận» (Điều 11.2a).");
            assertThat(refused.messageEn()).isEqualTo("A reason is required to \"Decline to accept\" (Article 11.2a).");
        }

        @Test
        void illegalPairIsReportedBeforeMissingReason() {
            assertThat(refusal(ctx(CLOSED), REJECT, AGENCY, null).rule()).isEqualTo("illegal-transition");
        }

        @Test
        void wrongRoleIsReportedBeforeMissingReason() {
            assertThat(refusal(ctx(SUBMITTED), REJECT, SUBMITTER, null).rule()).isEqualTo("role-not-permitted");
        }

        @Test
        void missingReasonIsReportedBeforeGuards() {
            TransitionContext usedAndLate = new TransitionContext(RESULT_POSTED, null, true, true, false);
            assertThat(refusal(usedAndLate, APPEAL, SUBMITTER, "").rule()).isEqualTo("reason-required");
        }
    }

    @Nested
    class Guards {

        @ParameterizedTest
        @EnumSource(names = {"RESULT_POSTED", "APPEAL_ANSWERED"})
        void publishingNeedsConsent(CaseState state) {
            TransitionContext noConsent = new TransitionContext(state, null, false, false, true);
            TransitionRefused refused = refusal(noConsent, PUBLISH, CENTRAL_OFFICE, REASON);
            assertThat(refused.rule()).isEqualTo("D5.1-no-consent");
            assertThat(refused.messageVi()).contains("Điều 5.1");
            assertThat(refused.messageEn()).contains("Article 5.1");

            assertThat(machine.decide(ctx(state), PUBLISH, CENTRAL_OFFICE, null).to()).isEqualTo(PUBLISHED);
        }

        @Test
        void consentIsCheckedAfterRole() {
            TransitionContext noConsent = new TransitionContext(RESULT_POSTED, null, false, false, true);
            assertThat(refusal(noConsent, PUBLISH, AGENCY, REASON).rule()).isEqualTo("role-not-permitted");
        }

        @Test
        void missingConsentDoesNotBlockClosing() {
            TransitionContext noConsent = new TransitionContext(RESULT_POSTED, null, false, false, true);
            assertThat(machine.decide(noConsent, CLOSE, SYSTEM, null).to()).isEqualTo(CLOSED);
        }

        @ParameterizedTest
        @EnumSource(names = {"RESULT_POSTED", "PUBLISHED"})
        void appealIsAllowedOnce(CaseState state) {
            TransitionContext used = new TransitionContext(state, null, true, true, true);
            TransitionRefused refused = refusal(used, APPEAL, SUBMITTER, REASON);
            assertThat(refused.rule()).isEqualTo("D14.1-appeal-once");
            assertThat(refused.messageVi()).contains("Điều 14.1");
        }

        @ParameterizedTest
        @EnumSource(names = {"RESULT_POSTED", "PUBLISHED"})
        void appealNeedsAnOpenWindow(CaseState state) {
            TransitionContext late = new TransitionContext(state, null, true, false, false);
            TransitionRefused refused = refusal(late, APPEAL, SUBMITTER, REASON);
            assertThat(refused.rule()).isEqualTo("D14.1-appeal-window-closed");
            assertThat(refused.messageEn()).contains("Article 14.1");
        }

        @Test
        void appealOnceIsCheckedBeforeTheWindow() {
            TransitionContext usedAndLate = new TransitionContext(RESULT_POSTED, null, true, true, false);
            assertThat(refusal(usedAndLate, APPEAL, SUBMITTER, REASON).rule()).isEqualTo("D14.1-appeal-once");
        }

        @Test
        void appealGuardsDoNotBlockRatingOrClosing() {
            TransitionContext usedAndLate = new TransitionContext(PUBLISHED, null, false, true, false);
            assertThat(machine.decide(usedAndLate, RATE, SUBMITTER, null).to()).isEqualTo(PUBLISHED);
            assertThat(machine.decide(usedAndLate, CLOSE, CENTRAL_OFFICE, null).to()).isEqualTo(CLOSED);
        }

        @Test
        void publishingAfterAnAnsweredAppealDoesNotReopenTheAppeal() {
            TransitionContext answered = new TransitionContext(APPEAL_ANSWERED, null, true, true, true);
            Transition published = machine.decide(answered, PUBLISH, CENTRAL_OFFICE, null);
            assertThat(refusal(after(published, answered), APPEAL, SUBMITTER, REASON).rule())
                    .isEqualTo("D14.1-appeal-once");
        }
    }

    @Nested
    class Resume {

        static Stream<CaseState> withdrawableStates() {
            return ExpectedTable.rows().stream().filter(row -> row.action() == REQUEST_WITHDRAWAL)
                    .map(ExpectedTable.Row::state);
        }

        static Stream<CaseState> holdableStates() {
            return ExpectedTable.rows().stream().filter(row -> row.action() == PLACE_ON_HOLD)
                    .map(ExpectedTable.Row::state);
        }

        @ParameterizedTest
        @MethodSource("withdrawableStates")
        void refusedWithdrawalReturnsToTheStateBefore(CaseState state) {
            TransitionContext before = ctx(state);
            Transition requested = machine.decide(before, REQUEST_WITHDRAWAL, SUBMITTER, "Tôi đã được giải quyết.");
            assertThat(requested.to()).isEqualTo(WITHDRAWAL_REQUESTED);
            assertThat(requested.resumeStateAfter()).isEqualTo(state);

            TransitionContext pending = after(requested, before);
            assertThat(machine.decide(pending, REFUSE_WITHDRAWAL, AGENCY, "Nội dung liên quan lợi ích chung."))
                    .isEqualTo(new Transition(WITHDRAWAL_REQUESTED, REFUSE_WITHDRAWAL, state, null));
            assertThat(machine.decide(pending, CaseAction.CONFIRM_WITHDRAWAL, CENTRAL_OFFICE, null))
                    .isEqualTo(new Transition(WITHDRAWAL_REQUESTED, CaseAction.CONFIRM_WITHDRAWAL, WITHDRAWN, null));
        }

        @ParameterizedTest
        @MethodSource("holdableStates")
        void releasedHoldReturnsToTheStateBefore(CaseState state) {
            TransitionContext before = ctx(state);
            Transition held = machine.decide(before, PLACE_ON_HOLD, CENTRAL_OFFICE, "Có dấu hiệu vu khống.");
            assertThat(held.to()).isEqualTo(VERIFICATION_HOLD);
            assertThat(held.resumeStateAfter()).isEqualTo(state);

            assertThat(machine.decide(after(held, before), RELEASE_HOLD, CENTRAL_OFFICE, null))
                    .isEqualTo(new Transition(VERIFICATION_HOLD, RELEASE_HOLD, state, null));
        }

        @ParameterizedTest
        @EnumSource(names = {"RELEASE_HOLD", "REFUSE_WITHDRAWAL"})
        void resumingWithoutAResumeStateIsRefused(CaseAction action) {
            CaseState state = action == RELEASE_HOLD ? VERIFICATION_HOLD : WITHDRAWAL_REQUESTED;
            TransitionRefused refused = refusal(paused(state, null), action, CENTRAL_OFFICE, REASON);
            assertThat(refused.rule()).isEqualTo("illegal-transition");
            assertThat(refused.messageVi()).contains("không xác định được hồ sơ đang ở trạng thái nào");
            assertThat(machine.allowedActions(paused(state, null), CENTRAL_OFFICE)).doesNotContain(action);
        }

        @ParameterizedTest
        @EnumSource(names = {"CLOSED", "WITHDRAWN", "REJECTED", "VERIFICATION_HOLD", "WITHDRAWAL_REQUESTED",
                "RESULT_POSTED", "FAST_CLOSED"})
        void resumingIntoAStateThatCannotBePausedIsRefused(CaseState bogus) {
            assertThat(refusal(paused(VERIFICATION_HOLD, bogus), RELEASE_HOLD, CENTRAL_OFFICE, null).rule())
                    .isEqualTo("illegal-transition");
            assertThat(refusal(paused(WITHDRAWAL_REQUESTED, bogus), REFUSE_WITHDRAWAL, AGENCY, REASON).rule())
                    .isEqualTo("illegal-transition");
        }

        @Test
        void withdrawalCannotResumeIntoAnAcceptedCase() {
            // Đ11.4: only a not-yet-accepted item can be in a withdrawal request.
            assertThat(refusal(paused(WITHDRAWAL_REQUESTED, IN_PROGRESS), REFUSE_WITHDRAWAL, AGENCY, REASON).rule())
                    .isEqualTo("illegal-transition");
        }

        @Test
        void holdCanBeRejectedWithoutResuming() {
            assertThat(machine.decide(paused(VERIFICATION_HOLD, ACCEPTED), REJECT, CENTRAL_OFFICE, REASON))
                    .isEqualTo(new Transition(VERIFICATION_HOLD, REJECT, CaseState.REJECTED, null));
        }

        @Test
        void stayKeepsTheStoredResumeState() {
            assertThat(machine.decide(paused(IN_PROGRESS, ACCEPTED), PROGRESS_UPDATE, AGENCY, REASON))
                    .isEqualTo(new Transition(IN_PROGRESS, PROGRESS_UPDATE, IN_PROGRESS, ACCEPTED));
            assertThat(machine.decide(ctx(SUBMITTED), ADD_SUPPLEMENT, SUBMITTER, null))
                    .isEqualTo(new Transition(SUBMITTED, ADD_SUPPLEMENT, SUBMITTED, null));
        }

        @Test
        void movingOnClearsAStaleResumeState() {
            assertThat(machine.decide(paused(IN_PROGRESS, ACCEPTED), POST_RESULT, AGENCY, "Đã sửa quy định.").resumeStateAfter())
                    .isNull();
        }
    }

    @Nested
    class SpecialMessages {

        @ParameterizedTest
        @EnumSource(names = {"ACCEPTED", "IN_PROGRESS", "COORDINATION", "OVERDUE", "ESCALATED", "RESULT_POSTED",
                "RETURNED_FOR_REWORK", "PUBLISHED", "APPEALED", "APPEAL_ANSWERED", "CLOSED"})
        void withdrawalAfterAcceptance(CaseState state) {
            TransitionRefused refused = refusal(ctx(state), REQUEST_WITHDRAWAL, SUBMITTER, REASON);
            assertThat(refused.rule()).isEqualTo("D11.4-withdrawal-after-acceptance");
            assertThat(refused.messageVi())
                    .isEqualTo("Chỉ được rút PAKN, SKGP khi chưa được tiếp nhận xử lý (Điều 11.4).");
            assertThat(refused.messageEn()).contains("before").contains("accepted").contains("Article 11.4");
        }

        @Test
        void withdrawalUnderVerification() {
            TransitionRefused refused = refusal(paused(VERIFICATION_HOLD, SUBMITTED), REQUEST_WITHDRAWAL, SUBMITTER,
                    REASON);
            assertThat(refused.rule()).isEqualTo("D11.4-under-verification");
            assertThat(refused.messageVi()).contains("đang được xác minh").contains("Điều 11.4d");
            assertThat(refused.messageEn()).contains("under verification").contains("Article 11.4d");
        }

        @ParameterizedTest
        @EnumSource(names = {"SUBMITTED", "FORWARDED", "ACCEPTED", "IN_PROGRESS", "OVERDUE", "RETURNED_FOR_REWORK",
                "FAST_CLOSED", "REJECTED", "WITHDRAWN"})
        void appealBeforeAnyResult(CaseState state) {
            TransitionRefused refused = refusal(ctx(state), APPEAL, SUBMITTER, REASON);
            assertThat(refused.rule()).isEqualTo("D14.1-no-result-yet");
            assertThat(refused.messageVi())
                    .isEqualTo("Chỉ được gửi phúc đáp sau khi có kết quả xử lý (Điều 14.1).");
            assertThat(refused.messageEn()).contains("result").contains("Article 14.1");
        }

        @ParameterizedTest
        @EnumSource(names = {"APPEALED", "APPEAL_ANSWERED"})
        void secondAppealIsAppealOnceEvenWithoutTheFlag(CaseState state) {
            assertThat(refusal(ctx(state), APPEAL, SUBMITTER, REASON).rule()).isEqualTo("D14.1-appeal-once");
        }

        @Test
        void specialRulesApplyWhateverTheActor() {
            for (ActorRole role : ActorRole.values()) {
                assertThat(refusal(ctx(ACCEPTED), REQUEST_WITHDRAWAL, role, REASON).rule())
                        .isEqualTo("D11.4-withdrawal-after-acceptance");
                assertThat(refusal(ctx(SUBMITTED), APPEAL, role, REASON).rule()).isEqualTo("D14.1-no-result-yet");
            }
        }

        @Test
        void genericIllegalTransitionNamesActionAndState() {
            TransitionRefused refused = refusal(ctx(CLOSED), ACCEPT, AGENCY, null);
            assertThat(refused.rule()).isEqualTo("illegal-transition");
            assertThat(refused.messageVi())
                    .isEqualTo("Không thể thực hiện «Tiếp nhận xử lý» khi hồ sơ đang ở trạng thái «Đã kết thúc».");
            assertThat(refused.messageEn()).isEqualTo("Cannot \"Accept for processing\" while the case is \"Closed\".");
            assertThat(refused).hasMessage("illegal-transition: " + refused.messageEn());
        }

        @Test
        void roleRefusalSaysWhoMayActAndCitesTheArticle() {
            TransitionRefused refused = refusal(ctx(SUBMITTED), ACCEPT, SUBMITTER, null);
            assertThat(refused.rule()).isEqualTo("role-not-permitted");
            assertThat(refused.messageVi()).isEqualTo("«Người gửi PAKN, SKGP» không được thực hiện «Tiếp nhận xử lý» "
                    + "khi hồ sơ đang ở trạng thái «Đã gửi, chờ phân loại». Chỉ «Cơ quan được giao xử lý» hoặc "
                    + "«Văn phòng Trung ương Đảng» được thực hiện (Điều 11.2d).");
            assertThat(refused.messageEn()).isEqualTo("\"Submitter\" may not \"Accept for processing\" while the case "
                    + "is \"Submitted, awaiting classification\". Only \"Assigned agency\" or \"Central Party Office\" "
                    + "may do so (Article 11.2d).");
        }

        @Test
        void agencyMayNotActOnACaseReturnedToTheCentralOffice() {
            TransitionRefused refused = refusal(ctx(CaseState.RETURNED_TO_CENTRAL_OFFICE), ACCEPT, AGENCY, null);
            assertThat(refused.rule()).isEqualTo("role-not-permitted");
            assertThat(refused.messageVi()).contains("Chỉ «Văn phòng Trung ương Đảng» được thực hiện");
        }

        @Test
        void closingCitesNoArticle() {
            TransitionRefused refused = refusal(ctx(RESULT_POSTED), CLOSE, AGENCY, null);
            assertThat(refused.messageVi()).doesNotContain("Điều").endsWith("được thực hiện.");
            assertThat(refused.messageEn()).doesNotContain("Article").endsWith("may do so.");
        }
    }

    @Nested
    class AllRefusals {

        private static final Set<String> KNOWN_RULES = Set.of("illegal-transition", "role-not-permitted",
                "reason-required", "D5.1-no-consent", "D14.1-appeal-once", "D14.1-appeal-window-closed",
                "D14.1-no-result-yet", "D11.4-withdrawal-after-acceptance", "D11.4-under-verification",
                "D12.4-consent-given");

        /**
         * Every refusal the machine produces over all states, actions, roles and context variants, one per
         * distinct content: messages are deterministic, so checking ~200,000 duplicates adds only run time.
         */
        private Collection<TransitionRefused> allRefusals() {
            Map<List<Object>, TransitionRefused> refusals = new LinkedHashMap<>();
            for (TransitionContext ctx : contextVariants()) {
                for (CaseAction action : CaseAction.values()) {
                    for (ActorRole role : ActorRole.values()) {
                        for (String reason : Arrays.asList(null, REASON)) {
                            TransitionRefused refused = catchThrowableOfType(TransitionRefused.class,
                                    () -> machine.decide(ctx, action, role, reason));
                            if (refused != null) {
                                refusals.putIfAbsent(List.of(refused.rule(), refused.state(), refused.action(),
                                        refused.messageVi(), refused.messageEn()), refused);
                            }
                        }
                    }
                }
            }
            return refusals.values();
        }

        @Test
        void everyRefusalIsExplainedInBothLanguages() {
            Collection<TransitionRefused> refusals = allRefusals();

            assertThat(refusals).hasSizeGreaterThan(500);
            Set<String> rulesSeen = refusals.stream().map(TransitionRefused::rule).collect(Collectors.toSet());
            assertThat(rulesSeen).as("every rule is exercised").isEqualTo(KNOWN_RULES);
            for (TransitionRefused refused : refusals) {
                assertThat(refused.rule()).isIn(KNOWN_RULES);
                assertThat(refused.state()).isNotNull();
                assertThat(refused.action()).isNotNull();
                for (String message : List.of(refused.messageVi(), refused.messageEn())) {
                    assertThat(message).as(refused.getMessage()).isNotBlank().endsWith(".")
                            .doesNotContain("null").doesNotContain("%").doesNotContain("{").doesNotContain("Đ1")
                            .doesNotContain("  ");
                }
                assertThat(Normalizer.isNormalized(refused.messageVi(), Normalizer.Form.NFC)).isTrue();
                assertThat(refused.messageVi()).isNotEqualTo(refused.messageEn());
                assertThat(refused.getMessage()).isEqualTo(refused.rule() + ": " + refused.messageEn());
                if (refused.rule().startsWith("D")) {
                    assertThat(refused.messageVi()).contains("(Điều ");
                    assertThat(refused.messageEn()).contains("(Article ");
                }
            }
        }

        @Test
        void allowedActionsAgreeWithDecideInEveryContext() {
            for (TransitionContext ctx : contextVariants()) {
                for (ActorRole role : ActorRole.values()) {
                    Set<CaseAction> allowed = machine.allowedActions(ctx, role);
                    for (CaseAction action : CaseAction.values()) {
                        boolean decided = catchThrowableOfType(TransitionRefused.class,
                                () -> machine.decide(ctx, action, role, REASON)) == null;
                        assertThat(allowed.contains(action)).as("%s by %s in %s", action, role, ctx)
                                .isEqualTo(decided);
                    }
                }
            }
        }

        private static List<TransitionContext> contextVariants() {
            List<TransitionContext> variants = new ArrayList<>();
            for (CaseState state : CaseState.values()) {
                for (CaseState resume : Arrays.asList(null, SUBMITTED, ACCEPTED, CLOSED)) {
                    for (int flags = 0; flags < 8; flags++) {
                        variants.add(new TransitionContext(state, resume, (flags & 1) != 0, (flags & 2) != 0,
                                (flags & 4) != 0));
                    }
                }
            }
            return variants;
        }
    }

    @Nested
    class AllowedActions {

        @Test
        void includesActionsThatStillNeedAReason() {
            assertThat(machine.allowedActions(ctx(SUBMITTED), AGENCY))
                    .containsExactlyInAnyOrder(FORWARD, ACCEPT, REJECT, REQUEST_SUPPLEMENT, FAST_CLOSE);
        }

        @Test
        void excludesPublishingWithoutConsent() {
            TransitionContext noConsent = new TransitionContext(RESULT_POSTED, null, false, false, true);
            // without consent the review approves the answer instead (Đ12.4c), which tells the submitter
            assertThat(machine.allowedActions(noConsent, CENTRAL_OFFICE))
                    .containsExactlyInAnyOrder(RETURN_FOR_REWORK, CaseAction.APPROVE_RESULT, CLOSE);
        }

        @Test
        void withConsentTheReviewPublishesRatherThanApproves() {
            TransitionContext consent = new TransitionContext(RESULT_POSTED, null, true, false, true);
            assertThat(machine.allowedActions(consent, CENTRAL_OFFICE))
                    .containsExactlyInAnyOrder(RETURN_FOR_REWORK, PUBLISH, CLOSE);
            assertThat(refusal(consent, CaseAction.APPROVE_RESULT, CENTRAL_OFFICE, null).rule())
                    .isEqualTo(TransitionRefused.CONSENT_GIVEN);
        }

        @Test
        void excludesAppealWhenUsedOrLate() {
            assertThat(machine.allowedActions(ctx(PUBLISHED), SUBMITTER)).containsExactlyInAnyOrder(RATE, APPEAL);
            assertThat(machine.allowedActions(new TransitionContext(PUBLISHED, null, true, true, true), SUBMITTER))
                    .containsExactly(RATE);
            assertThat(machine.allowedActions(new TransitionContext(PUBLISHED, null, true, false, false), SUBMITTER))
                    .containsExactly(RATE);
        }

        @Test
        void excludesResumingWithoutAResumeState() {
            assertThat(machine.allowedActions(paused(VERIFICATION_HOLD, null), CENTRAL_OFFICE)).containsExactly(REJECT);
            assertThat(machine.allowedActions(paused(VERIFICATION_HOLD, FORWARDED), CENTRAL_OFFICE))
                    .containsExactlyInAnyOrder(REJECT, RELEASE_HOLD);
        }

        @Test
        void timersOnlyDoWhatTimersDo() {
            assertThat(machine.allowedActions(ctx(SUPPLEMENT_REQUESTED), SYSTEM)).containsExactly(SUSPEND);
            assertThat(machine.allowedActions(ctx(ACCEPTED), SYSTEM)).containsExactly(CaseAction.MARK_OVERDUE);
        }

        @Test
        void submitterMaySupplementDuringProcessingAndTheSetIsReadOnly() {
            Set<CaseAction> allowed = machine.allowedActions(ctx(IN_PROGRESS), SUBMITTER);
            assertThat(allowed).containsExactly(ADD_SUPPLEMENT);
            assertThatThrownBy(() -> allowed.add(APPEAL)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Journeys {

        private TransitionContext state = ctx(SUBMITTED);

        private void step(CaseAction action, ActorRole actor, String reason, CaseState expected) {
            Transition t = machine.decide(state, action, actor, reason);
            assertThat(t.to()).as("%s from %s", action, state.state()).isEqualTo(expected);
            state = after(t, state);
        }

        @Test
        void forwardedProcessedPublishedRatedClosed() {
            step(FORWARD, SYSTEM, null, FORWARDED);
            step(ACCEPT, AGENCY, null, ACCEPTED);
            step(START_PROCESSING, AGENCY, null, IN_PROGRESS);
            step(PROGRESS_UPDATE, AGENCY, "Đã làm việc với UBND xã.", IN_PROGRESS);
            step(POST_RESULT, AGENCY, "Bộ đã ban hành hướng dẫn mới.", RESULT_POSTED);
            step(PUBLISH, CENTRAL_OFFICE, null, PUBLISHED);
            step(RATE, SUBMITTER, null, PUBLISHED);
            step(CLOSE, SYSTEM, null, CLOSED);
            assertThat(state.state().terminal()).isTrue();
        }

        @Test
        void overdueEscalatedReworkedAppealedAnswered() {
            step(ACCEPT, CENTRAL_OFFICE, null, ACCEPTED);
            step(CaseAction.MARK_OVERDUE, SYSTEM, null, CaseState.OVERDUE);
            step(CaseAction.ESCALATE, SYSTEM, null, CaseState.ESCALATED);
            step(POST_RESULT, AGENCY, "Bộ đã ban hành hướng dẫn mới.", RESULT_POSTED);
            step(RETURN_FOR_REWORK, CENTRAL_OFFICE, "Chưa trả lời đủ các nội dung.", RETURNED_FOR_REWORK);
            step(POST_RESULT, AGENCY, "Bộ đã ban hành hướng dẫn mới.", RESULT_POSTED);
            step(APPEAL, SUBMITTER, "Kết quả chưa thỏa đáng.", APPEALED);
            step(ANSWER_APPEAL, AGENCY, "Bộ giữ nguyên kết quả, giải thích thêm.", APPEAL_ANSWERED);
            assertThat(refusal(state, APPEAL, SUBMITTER, REASON).rule()).isEqualTo("D14.1-appeal-once");
            step(CLOSE, CENTRAL_OFFICE, null, CLOSED);
        }

        @Test
        void supplementLoopsAndReopenings() {
            step(REQUEST_SUPPLEMENT, AGENCY, "Thiếu địa chỉ liên hệ.", SUPPLEMENT_REQUESTED);
            step(SUSPEND, SYSTEM, null, SUSPENDED);
            step(ADD_SUPPLEMENT, SUBMITTER, null, SUBMITTED);
            step(FAST_CLOSE, AGENCY, "Đã được trả lời trước đây.", FAST_CLOSED);
            assertThat(state.state().terminal()).isFalse();
            step(ADD_SUPPLEMENT, SUBMITTER, null, SUBMITTED);
            step(CaseAction.REQUEST_WITHDRAWAL, SUBMITTER, "Không còn nhu cầu.", WITHDRAWAL_REQUESTED);
            step(CaseAction.CONFIRM_WITHDRAWAL, AGENCY, null, WITHDRAWN);
            for (ActorRole role : ActorRole.values()) {
                assertThat(machine.allowedActions(state, role)).isEmpty();
            }
        }
    }
}
