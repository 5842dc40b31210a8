package vn.paknhub.sla;

/**
 * The regulation's time limits (DOMAIN.md, "Lifecycle and deadlines"), each in working days from day
 * zero of the event that starts it, with its legal basis and the warning point where one is set.
 */
public enum Clock {
    /** Đ11.2: classify and answer (reject, ask, forward, accept) within 5 days; first response expected within 2. */
    CLASSIFICATION(5, 2, "Đ11.2; Hướng dẫn 003: phản hồi đầu tiên trong 2 ngày làm việc, quá hạn sau 5"),
    /** Đ11.2b: the submitter supplies what is missing within 10 days, else processing is suspended. */
    SUPPLEMENT(10, 0, "Đ11.2b"),
    /** Đ11.4: a withdrawal request is confirmed (or refused) within 3 days. */
    WITHDRAWAL(3, 0, "Đ11.4"),
    /** Đ13.1: processing and answer within 15 days of acceptance. */
    PROCESSING(15, 0, "Đ13.1"),
    /** Đ14.1: the submitter may appeal within 15 days of the result. */
    APPEAL_WINDOW(15, 0, "Đ14.1"),
    /** Đ14.1: the body answers an appeal within 15 days. */
    APPEAL_ANSWER(15, 0, "Đ14.1");

    private final int workingDays;
    private final int warnAfter;
    private final String legalBasis;

    Clock(int workingDays, int warnAfter, String legalBasis) {
        this.workingDays = workingDays;
        this.warnAfter = warnAfter;
        this.legalBasis = legalBasis;
    }

    public int workingDays() {
        return workingDays;
    }

    /** Working days after which a reminder is due (0: none). */
    public int warnAfter() {
        return warnAfter;
    }

    public String legalBasis() {
        return legalBasis;
    }
}
