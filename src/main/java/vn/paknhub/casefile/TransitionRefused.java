package vn.paknhub.casefile;

/**
 * A step the regulation or the case's situation does not allow. {@link #rule()} is a stable code for
 * programs; the messages are meant to be shown as-is to a citizen or a clerk.
 */
public final class TransitionRefused extends RuntimeException {

    public static final String ILLEGAL_TRANSITION = "illegal-transition";
    public static final String ROLE_NOT_PERMITTED = "role-not-permitted";
    public static final String REASON_REQUIRED = "reason-required";
    public static final String WITHDRAWAL_AFTER_ACCEPTANCE = "D11.4-withdrawal-after-acceptance";
    public static final String WITHDRAWAL_UNDER_VERIFICATION = "D11.4-under-verification";
    public static final String NO_CONSENT = "D5.1-no-consent";
    /** Approving without publishing is for items without consent; with consent the review publishes (Đ12.4b). */
    public static final String CONSENT_GIVEN = "D12.4-consent-given";
    public static final String NO_RESULT_YET = "D14.1-no-result-yet";
    public static final String APPEAL_ONCE = "D14.1-appeal-once";
    public static final String APPEAL_WINDOW_CLOSED = "D14.1-appeal-window-closed";

    private final String rule;
    private final String messageVi;
    private final String messageEn;
    private final CaseState state;
    private final CaseAction action;

    TransitionRefused(String rule, CaseState state, CaseAction action, String messageVi, String messageEn) {
        super(rule + ": " + messageEn);
        this.rule = rule;
        this.messageVi = messageVi;
        this.messageEn = messageEn;
        this.state = state;
        this.action = action;
    }

    public String rule() {
        return rule;
    }

    public String messageVi() {
        return messageVi;
    }

    public String messageEn() {
        return messageEn;
    }

    public CaseState state() {
        return state;
    }

    public CaseAction action() {
        return action;
    }
}
