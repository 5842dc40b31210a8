package vn.paknhub.casefile;

import static vn.paknhub.casefile.ActorRole.AGENCY;
import static vn.paknhub.casefile.ActorRole.CENTRAL_OFFICE;
import static vn.paknhub.casefile.ActorRole.SUBMITTER;
import static vn.paknhub.casefile.ActorRole.SYSTEM;
import static vn.paknhub.casefile.CaseAction.ACCEPT;
import static vn.paknhub.casefile.CaseAction.ADD_SUPPLEMENT;
import static vn.paknhub.casefile.CaseAction.ANSWER_APPEAL;
import static vn.paknhub.casefile.CaseAction.APPEAL;
import static vn.paknhub.casefile.CaseAction.APPROVE_RESULT;
import static vn.paknhub.casefile.CaseAction.CLOSE;
import static vn.paknhub.casefile.CaseAction.CONFIRM_WITHDRAWAL;
import static vn.paknhub.casefile.CaseAction.END_COORDINATION;
import static vn.paknhub.casefile.CaseAction.ESCALATE;
import static vn.paknhub.casefile.CaseAction.FAST_CLOSE;
import static vn.paknhub.casefile.CaseAction.FORWARD;
import static vn.paknhub.casefile.CaseAction.MARK_OVERDUE;
import static vn.paknhub.casefile.CaseAction.PLACE_ON_HOLD;
import static vn.paknhub.casefile.CaseAction.POST_RESULT;
import static vn.paknhub.casefile.CaseAction.PROGRESS_UPDATE;
import static vn.paknhub.casefile.CaseAction.PUBLISH;
import static vn.paknhub.casefile.CaseAction.RATE;
import static vn.paknhub.casefile.CaseAction.REFUSE_WITHDRAWAL;
import static vn.paknhub.casefile.CaseAction.REJECT;
import static vn.paknhub.casefile.CaseAction.RELEASE_HOLD;
import static vn.paknhub.casefile.CaseAction.REQUEST_COORDINATION;
import static vn.paknhub.casefile.CaseAction.REQUEST_SUPPLEMENT;
import static vn.paknhub.casefile.CaseAction.REQUEST_WITHDRAWAL;
import static vn.paknhub.casefile.CaseAction.RETURN_FOR_REWORK;
import static vn.paknhub.casefile.CaseAction.RETURN_TO_CENTRAL_OFFICE;
import static vn.paknhub.casefile.CaseAction.START_PROCESSING;
import static vn.paknhub.casefile.CaseAction.SUSPEND;
import static vn.paknhub.casefile.CaseState.ACCEPTED;
import static vn.paknhub.casefile.CaseState.APPEALED;
import static vn.paknhub.casefile.CaseState.APPEAL_ANSWERED;
import static vn.paknhub.casefile.CaseState.CLOSED;
import static vn.paknhub.casefile.CaseState.COORDINATION;
import static vn.paknhub.casefile.CaseState.ESCALATED;
import static vn.paknhub.casefile.CaseState.FAST_CLOSED;
import static vn.paknhub.casefile.CaseState.FORWARDED;
import static vn.paknhub.casefile.CaseState.IN_PROGRESS;
import static vn.paknhub.casefile.CaseState.OVERDUE;
import static vn.paknhub.casefile.CaseState.PUBLISHED;
import static vn.paknhub.casefile.CaseState.REJECTED;
import static vn.paknhub.casefile.CaseState.RESULT_APPROVED;
import static vn.paknhub.casefile.CaseState.RESULT_POSTED;
import static vn.paknhub.casefile.CaseState.RETURNED_FOR_REWORK;
import static vn.paknhub.casefile.CaseState.RETURNED_TO_CENTRAL_OFFICE;
import static vn.paknhub.casefile.CaseState.SUBMITTED;
import static vn.paknhub.casefile.CaseState.SUPPLEMENT_REQUESTED;
import static vn.paknhub.casefile.CaseState.SUSPENDED;
import static vn.paknhub.casefile.CaseState.VERIFICATION_HOLD;
import static vn.paknhub.casefile.CaseState.WITHDRAWAL_REQUESTED;
import static vn.paknhub.casefile.CaseState.WITHDRAWN;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The single authority on which step may be taken on a case, by whom, and where it leads. Stateless
 * and thread-safe: the caller supplies the case's situation and stores the returned transition.
 */
public final class CaseStateMachine {

    // VPTW supervises the whole procedure, so whatever the assigned agency may do, it may do too.
    private static final Set<ActorRole> AGENCY_SIDE = roles(AGENCY, CENTRAL_OFFICE);
    private static final Set<ActorRole> ROUTERS = roles(AGENCY, CENTRAL_OFFICE, SYSTEM);
    private static final Set<ActorRole> CENTRAL_OFFICE_ONLY = roles(CENTRAL_OFFICE);
    private static final Set<ActorRole> CENTRAL_OFFICE_OR_SYSTEM = roles(CENTRAL_OFFICE, SYSTEM);
    private static final Set<ActorRole> SUBMITTER_ONLY = roles(SUBMITTER);
    private static final Set<ActorRole> SYSTEM_ONLY = roles(SYSTEM);

    /** States only reachable once the item was accepted, where Đ11.4 no longer allows withdrawal. */
    private static final Set<CaseState> ACCEPTED_OR_LATER = Collections.unmodifiableSet(EnumSet.of(
            ACCEPTED, IN_PROGRESS, COORDINATION, OVERDUE, ESCALATED, RESULT_POSTED, RETURNED_FOR_REWORK,
            PUBLISHED, RESULT_APPROVED, APPEALED, APPEAL_ANSWERED, CLOSED));

    /** After an appeal the only Đ14.1 right left is the answer, so a second appeal is "appeal once". */
    private static final Set<CaseState> APPEAL_ALREADY_SENT =
            Collections.unmodifiableSet(EnumSet.of(APPEALED, APPEAL_ANSWERED));

    // CLOSED has a result too: appealing there is simply too late, which the generic message says better.
    private static final Set<CaseState> HAS_RESULT = Collections.unmodifiableSet(EnumSet.of(
            RESULT_POSTED, PUBLISHED, RESULT_APPROVED, APPEALED, APPEAL_ANSWERED, CLOSED));

    private static final Map<CaseState, Map<CaseAction, Rule>> TABLE = buildTable();

    public Transition decide(TransitionContext ctx, CaseAction action, ActorRole actor, String reason) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Optional<TransitionRefused> refusal = pairOrRoleRefusal(ctx, action, actor)
                .or(() -> reasonRefusal(ctx, action, reason))
                .or(() -> guardRefusal(ctx, action));
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        return TABLE.get(ctx.state()).get(action).apply(ctx, action);
    }

    /** Actions {@link #decide} would accept now, given a reason wherever one is required. */
    public Set<CaseAction> allowedActions(TransitionContext ctx, ActorRole actor) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(actor, "actor");
        Set<CaseAction> allowed = EnumSet.noneOf(CaseAction.class);
        for (CaseAction action : CaseAction.values()) {
            if (pairOrRoleRefusal(ctx, action, actor).or(() -> guardRefusal(ctx, action)).isEmpty()) {
                allowed.add(action);
            }
        }
        return Collections.unmodifiableSet(allowed);
    }

    private static Optional<TransitionRefused> pairOrRoleRefusal(TransitionContext ctx, CaseAction action,
            ActorRole actor) {
        Rule rule = TABLE.get(ctx.state()).get(action);
        if (rule == null) {
            return Optional.of(illegalPair(ctx.state(), action));
        }
        if (rule.effect() == Effect.RESUME && !isValidResume(ctx)) {
            return Optional.of(unknownResumeState(ctx.state(), action));
        }
        if (!rule.roles().contains(actor)) {
            return Optional.of(roleNotPermitted(ctx.state(), action, actor, rule.roles()));
        }
        return Optional.empty();
    }

    /**
     * A stored resume state is trusted only if the table could have paused the case from it; otherwise
     * resuming would let a corrupted record jump anywhere, e.g. back out of a terminal state.
     */
    private static boolean isValidResume(TransitionContext ctx) {
        CaseState resume = ctx.resumeState();
        if (resume == null) {
            return false;
        }
        return TABLE.get(resume).values().stream()
                .anyMatch(rule -> rule.effect() == Effect.PAUSE && rule.target() == ctx.state());
    }

    private static Optional<TransitionRefused> reasonRefusal(TransitionContext ctx, CaseAction action,
            String reason) {
        if (!action.reasonRequired() || !isBlank(reason)) {
            return Optional.empty();
        }
        return Optional.of(new TransitionRefused(TransitionRefused.REASON_REQUIRED, ctx.state(), action,
                "Phải nêu lý do khi thực hiện «" + action.labelVi() + "»" + citeVi(action) + ".",
                "A reason is required to \"" + action.labelEn() + "\"" + citeEn(action) + "."));
    }

    // Web forms and text pasted from office documents leave no-break or zero-width spaces; they are no reason.
    private static boolean isBlank(String reason) {
        return reason == null || reason.codePoints().allMatch(cp -> Character.isWhitespace(cp)
                || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.CONTROL);
    }

    private static Optional<TransitionRefused> guardRefusal(TransitionContext ctx, CaseAction action) {
        if (action == PUBLISH && !ctx.consentToPublish()) {
            return Optional.of(new TransitionRefused(TransitionRefused.NO_CONSENT, ctx.state(), action,
                    "Không thể công khai kết quả vì người gửi chưa đồng ý công khai (Điều 5.1).",
                    "The result cannot be published because the submitter has not consented to publication "
                            + "(Article 5.1)."));
        }
        if (action == APPROVE_RESULT && ctx.consentToPublish()) {
            return Optional.of(new TransitionRefused(TransitionRefused.CONSENT_GIVEN, ctx.state(), action,
                    "Người gửi đã đồng ý công khai: kết quả được duyệt bằng thao tác «Công khai kết quả» (Điều 12.4b).",
                    "The submitter consented to publication: the result is approved by publishing it "
                            + "(Article 12.4b)."));
        }
        if (action == APPEAL && ctx.appealUsed()) {
            return Optional.of(appealOnce(ctx.state()));
        }
        if (action == APPEAL && !ctx.appealWindowOpen()) {
            return Optional.of(new TransitionRefused(TransitionRefused.APPEAL_WINDOW_CLOSED, ctx.state(), action,
                    "Đã hết thời hạn gửi phúc đáp đối với kết quả xử lý (Điều 14.1).",
                    "The time limit for appealing the result has passed (Article 14.1)."));
        }
        return Optional.empty();
    }

    private static TransitionRefused illegalPair(CaseState state, CaseAction action) {
        if (action == REQUEST_WITHDRAWAL && state == VERIFICATION_HOLD) {
            return new TransitionRefused(TransitionRefused.WITHDRAWAL_UNDER_VERIFICATION, state, action,
                    "Không tiếp nhận đề nghị rút PAKN, SKGP khi nội dung đang được xác minh (Điều 11.4d).",
                    "A withdrawal request cannot be accepted while the content is under verification "
                            + "(Article 11.4d).");
        }
        if (action == REQUEST_WITHDRAWAL && ACCEPTED_OR_LATER.contains(state)) {
            return new TransitionRefused(TransitionRefused.WITHDRAWAL_AFTER_ACCEPTANCE, state, action,
                    "Chỉ được rút PAKN, SKGP khi chưa được tiếp nhận xử lý (Điều 11.4).",
                    "A PAKN-SKGP item can only be withdrawn before it has been accepted for processing "
                            + "(Article 11.4).");
        }
        if (action == APPEAL && APPEAL_ALREADY_SENT.contains(state)) {
            return appealOnce(state);
        }
        if (action == APPEAL && !HAS_RESULT.contains(state)) {
            return new TransitionRefused(TransitionRefused.NO_RESULT_YET, state, action,
                    "Chỉ được gửi phúc đáp sau khi có kết quả xử lý (Điều 14.1).",
                    "An appeal can only be sent once a processing result has been posted (Article 14.1).");
        }
        return new TransitionRefused(TransitionRefused.ILLEGAL_TRANSITION, state, action,
                "Không thể thực hiện «" + action.labelVi() + "» khi hồ sơ đang ở trạng thái «"
                        + state.labelVi() + "».",
                "Cannot \"" + action.labelEn() + "\" while the case is \"" + state.labelEn() + "\".");
    }

    private static TransitionRefused appealOnce(CaseState state) {
        return new TransitionRefused(TransitionRefused.APPEAL_ONCE, state, APPEAL,
                "Mỗi kết quả xử lý chỉ được gửi phúc đáp một lần (Điều 14.1).",
                "A processing result can be appealed only once (Article 14.1).");
    }

    private static TransitionRefused unknownResumeState(CaseState state, CaseAction action) {
        return new TransitionRefused(TransitionRefused.ILLEGAL_TRANSITION, state, action,
                "Không thể thực hiện «" + action.labelVi() + "»" + citeVi(action)
                        + " vì không xác định được hồ sơ đang ở trạng thái nào trước khi chuyển sang «"
                        + state.labelVi() + "».",
                "Cannot \"" + action.labelEn() + "\"" + citeEn(action) + ": the status the case had before \""
                        + state.labelEn() + "\" is unknown.");
    }

    private static TransitionRefused roleNotPermitted(CaseState state, CaseAction action, ActorRole actor,
            Set<ActorRole> permitted) {
        String permittedVi = permitted.stream()
                .map(role -> "«" + role.labelVi() + "»")
                .collect(Collectors.joining(" hoặc "));
        String permittedEn = permitted.stream()
                .map(role -> "\"" + role.labelEn() + "\"")
                .collect(Collectors.joining(" or "));
        return new TransitionRefused(TransitionRefused.ROLE_NOT_PERMITTED, state, action,
                "«" + actor.labelVi() + "» không được thực hiện «" + action.labelVi()
                        + "» khi hồ sơ đang ở trạng thái «" + state.labelVi() + "». Chỉ " + permittedVi
                        + " được thực hiện" + citeVi(action) + ".",
                "\"" + actor.labelEn() + "\" may not \"" + action.labelEn() + "\" while the case is \""
                        + state.labelEn() + "\". Only " + permittedEn + " may do so" + citeEn(action) + ".");
    }

    private static String citeVi(CaseAction action) {
        return action.legalBasis().isEmpty() ? "" : " (" + action.legalBasis().replace("Đ", "Điều ") + ")";
    }

    private static String citeEn(CaseAction action) {
        return action.legalBasis().isEmpty() ? "" : " (" + action.legalBasis().replace("Đ", "Article ") + ")";
    }

    private static Map<CaseState, Map<CaseAction, Rule>> buildTable() {
        TableBuilder table = new TableBuilder();

        // a new item is screened by the hub as it is routed (Đ8.2, Đ8.3): it may ask to clarify or hold, which a
        // person at the Central Party Office then reviews; a forwarded one is the receiving body's
        beforeAcceptance(table.in(SUBMITTED), AGENCY_SIDE, ROUTERS, roles(AGENCY, CENTRAL_OFFICE, SYSTEM),
                CENTRAL_OFFICE_OR_SYSTEM);
        beforeAcceptance(table.in(FORWARDED), AGENCY_SIDE, ROUTERS, AGENCY_SIDE, CENTRAL_OFFICE_ONLY);
        table.in(FORWARDED)
                .move(RETURN_TO_CENTRAL_OFFICE, AGENCY_SIDE, RETURNED_TO_CENTRAL_OFFICE);
        // Returned by the agency (Đ11.2c, Đ11.2e): it is now the central office's turn, not the agency's.
        beforeAcceptance(table.in(RETURNED_TO_CENTRAL_OFFICE), CENTRAL_OFFICE_ONLY, CENTRAL_OFFICE_OR_SYSTEM,
                CENTRAL_OFFICE_ONLY, CENTRAL_OFFICE_ONLY);

        table.in(SUPPLEMENT_REQUESTED)
                // The completed item goes back to classification (Đ11.2b).
                .move(ADD_SUPPLEMENT, SUBMITTER_ONLY, SUBMITTED)
                .move(SUSPEND, SYSTEM_ONLY, SUSPENDED)
                .move(REJECT, AGENCY_SIDE, REJECTED)
                .move(FAST_CLOSE, AGENCY_SIDE, FAST_CLOSED)
                .pause(REQUEST_WITHDRAWAL, SUBMITTER_ONLY, WITHDRAWAL_REQUESTED)
                .pause(PLACE_ON_HOLD, CENTRAL_OFFICE_ONLY, VERIFICATION_HOLD);
        table.in(SUSPENDED)
                .move(ADD_SUPPLEMENT, SUBMITTER_ONLY, SUBMITTED);
        table.in(FAST_CLOSED)
                .move(ADD_SUPPLEMENT, SUBMITTER_ONLY, SUBMITTED);

        table.in(VERIFICATION_HOLD)
                .resume(RELEASE_HOLD, CENTRAL_OFFICE_ONLY)
                .move(REJECT, CENTRAL_OFFICE_ONLY, REJECTED);
        table.in(WITHDRAWAL_REQUESTED)
                .move(CONFIRM_WITHDRAWAL, AGENCY_SIDE, WITHDRAWN)
                .resume(REFUSE_WITHDRAWAL, AGENCY_SIDE);

        for (CaseState state : new CaseState[] {ACCEPTED, IN_PROGRESS, COORDINATION, OVERDUE, ESCALATED}) {
            table.in(state)
                    .move(POST_RESULT, AGENCY_SIDE, RESULT_POSTED)
                    .stay(PROGRESS_UPDATE, AGENCY_SIDE)
                    .stay(ADD_SUPPLEMENT, SUBMITTER_ONLY)
                    .pause(PLACE_ON_HOLD, CENTRAL_OFFICE_ONLY, VERIFICATION_HOLD);
        }
        for (CaseState state : new CaseState[] {ACCEPTED, IN_PROGRESS}) {
            table.in(state)
                    .move(REQUEST_COORDINATION, AGENCY_SIDE, COORDINATION)
                    .move(FAST_CLOSE, AGENCY_SIDE, FAST_CLOSED)
                    .move(RETURN_TO_CENTRAL_OFFICE, AGENCY_SIDE, RETURNED_TO_CENTRAL_OFFICE);
        }
        for (CaseState state : new CaseState[] {ACCEPTED, IN_PROGRESS, COORDINATION}) {
            // Deadlines are watched by the hub's timers (Đ13.2), never declared by a person.
            table.in(state).move(MARK_OVERDUE, SYSTEM_ONLY, OVERDUE);
        }
        table.in(ACCEPTED).move(START_PROCESSING, AGENCY_SIDE, IN_PROGRESS);
        table.in(COORDINATION).move(END_COORDINATION, AGENCY_SIDE, IN_PROGRESS);
        table.in(OVERDUE).move(ESCALATE, CENTRAL_OFFICE_OR_SYSTEM, ESCALATED);

        // Quality review of a result (Đ12.4b, Đ12.4c) is the central office's, not the agency's own.
        table.in(RESULT_POSTED)
                .move(RETURN_FOR_REWORK, CENTRAL_OFFICE_ONLY, RETURNED_FOR_REWORK)
                .move(PUBLISH, CENTRAL_OFFICE_ONLY, PUBLISHED)
                .move(APPROVE_RESULT, CENTRAL_OFFICE_ONLY, RESULT_APPROVED);
        table.in(RETURNED_FOR_REWORK)
                .move(POST_RESULT, AGENCY_SIDE, RESULT_POSTED)
                .stay(PROGRESS_UPDATE, AGENCY_SIDE);
        for (CaseState state : new CaseState[] {RESULT_POSTED, PUBLISHED, RESULT_APPROVED}) {
            table.in(state).move(APPEAL, SUBMITTER_ONLY, APPEALED);
        }
        table.in(APPEALED).move(ANSWER_APPEAL, AGENCY_SIDE, APPEAL_ANSWERED);
        table.in(APPEAL_ANSWERED).move(PUBLISH, CENTRAL_OFFICE_ONLY, PUBLISHED);
        for (CaseState state : new CaseState[] {RESULT_POSTED, PUBLISHED, RESULT_APPROVED, APPEAL_ANSWERED}) {
            table.in(state)
                    .stay(RATE, SUBMITTER_ONLY)
                    .move(CLOSE, CENTRAL_OFFICE_OR_SYSTEM, CLOSED);
        }
        return table.build();
    }

    private static void beforeAcceptance(StateRows rows, Set<ActorRole> handlers, Set<ActorRole> routers,
            Set<ActorRole> clarifiers, Set<ActorRole> holders) {
        rows.move(FORWARD, routers, FORWARDED)
                .move(ACCEPT, handlers, ACCEPTED)
                .move(REJECT, handlers, REJECTED)
                .move(REQUEST_SUPPLEMENT, clarifiers, SUPPLEMENT_REQUESTED)
                .move(FAST_CLOSE, handlers, FAST_CLOSED)
                .pause(REQUEST_WITHDRAWAL, SUBMITTER_ONLY, WITHDRAWAL_REQUESTED)
                .pause(PLACE_ON_HOLD, holders, VERIFICATION_HOLD)
                .stay(ADD_SUPPLEMENT, SUBMITTER_ONLY);
    }

    private static Set<ActorRole> roles(ActorRole first, ActorRole... rest) {
        return Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    private enum Effect {
        /** Go to a fixed state; any pause is over. */
        MOVE,
        /** Record the event only; state and resume state are unchanged. */
        STAY,
        /** Go to a fixed state and remember the current one to come back to. */
        PAUSE,
        /** Go back to the remembered state. */
        RESUME
    }

    private record Rule(Set<ActorRole> roles, Effect effect, CaseState target) {

        Transition apply(TransitionContext ctx, CaseAction action) {
            return switch (effect) {
                case MOVE -> new Transition(ctx.state(), action, target, null);
                case STAY -> new Transition(ctx.state(), action, ctx.state(), ctx.resumeState());
                case PAUSE -> new Transition(ctx.state(), action, target, ctx.state());
                case RESUME -> new Transition(ctx.state(), action, ctx.resumeState(), null);
            };
        }
    }

    private static final class TableBuilder {
        private final Map<CaseState, Map<CaseAction, Rule>> rows = new EnumMap<>(CaseState.class);

        StateRows in(CaseState state) {
            return new StateRows(rows.computeIfAbsent(state, s -> new EnumMap<>(CaseAction.class)), state);
        }

        Map<CaseState, Map<CaseAction, Rule>> build() {
            Map<CaseState, Map<CaseAction, Rule>> table = new EnumMap<>(CaseState.class);
            for (CaseState state : CaseState.values()) {
                table.put(state, Collections.unmodifiableMap(rows.getOrDefault(state, Map.of())));
            }
            return Collections.unmodifiableMap(table);
        }
    }

    private record StateRows(Map<CaseAction, Rule> rules, CaseState state) {

        StateRows move(CaseAction action, Set<ActorRole> roles, CaseState target) {
            return put(action, new Rule(roles, Effect.MOVE, target));
        }

        StateRows stay(CaseAction action, Set<ActorRole> roles) {
            return put(action, new Rule(roles, Effect.STAY, state));
        }

        StateRows pause(CaseAction action, Set<ActorRole> roles, CaseState target) {
            return put(action, new Rule(roles, Effect.PAUSE, target));
        }

        StateRows resume(CaseAction action, Set<ActorRole> roles) {
            return put(action, new Rule(roles, Effect.RESUME, null));
        }

        // A second rule for the same pair would silently replace the first and hide a table mistake.
        private StateRows put(CaseAction action, Rule rule) {
            if (rules.putIfAbsent(action, rule) != null) {
                throw new IllegalStateException("Duplicate rule for " + state + " / " + action);
            }
            return this;
        }
    }
}
