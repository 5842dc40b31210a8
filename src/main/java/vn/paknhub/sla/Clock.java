package vn.paknhub.sla;

/**
 * The regulation's time limits (DOMAIN.md, "Lifecycle and deadlines"), each in working days from day
 * zero of the event that starts it, with its legal basis, whose duty it is, and the point where the
 * one who must act is reminded (a first response expected within 2 days; otherwise a few working days
 * before the due day, so a body is told while it can still act).
 */
public enum Clock {
    /** Đ11.2: classify and answer (reject, ask, forward, accept) within 5 days; first response expected within 2. */
    CLASSIFICATION("Tiếp nhận, phân loại", 5, 2, "Đ11.2; Hướng dẫn 003: phản hồi đầu tiên trong 2 ngày làm việc, quá hạn sau 5",
            Duty.BODY, 1),
    /** Đ11.2b: the submitter supplies what is missing within 10 days, else processing is suspended. */
    SUPPLEMENT("Bổ sung thông tin", 10, 0, "Đ11.2b", Duty.SUBMITTER, 1),
    /** Đ11.4: a withdrawal request is confirmed (or refused) within 3 days. */
    WITHDRAWAL("Xác nhận đề nghị rút", 3, 2, "Đ11.4", Duty.BODY, 1),
    /** Đ13.1: processing and answer within 15 days of acceptance. */
    PROCESSING("Xử lý, trả lời", 15, 12, "Đ13.1", Duty.BODY, 1),
    /**
     * Đ13.2: once overdue, a progress update with a concrete reason every 5 days, counted from the
     * previous deadline, at most 3 times; when the third period ends unanswered the case is escalated.
     */
    OVERDUE_UPDATE("Cập nhật tiến độ khi quá hạn", 5, 4, "Đ13.2", Duty.BODY, 3),
    /**
     * Đ13.3: a result is posted in the system within 2 days of the day it exists. The hub learns of it
     * when it is posted, so this clock is recorded whole at that moment (started and stopped), late
     * or not, when the body gives the result's date.
     */
    RESULT_POSTING("Cập nhật kết quả lên Hệ thống", 2, 0, "Đ13.3", Duty.BODY, 1),
    /** Đ14.1: the submitter may appeal within 15 days of the result. */
    APPEAL_WINDOW("Thời hạn gửi phúc đáp", 15, 0, "Đ14.1", Duty.SUBMITTER, 1),
    /** Đ14.1: the body answers an appeal within 15 days. */
    APPEAL_ANSWER("Trả lời phúc đáp", 15, 12, "Đ14.1", Duty.BODY, 1);

    /** Who must act before the due day: the body handling the case hears of it, the submitter does not. */
    enum Duty { BODY, SUBMITTER }

    private final String labelVi;
    private final int workingDays;
    private final int warnAfter;
    private final String legalBasis;
    private final Duty duty;
    private final int rounds;

    Clock(String labelVi, int workingDays, int warnAfter, String legalBasis, Duty duty, int rounds) {
        this.labelVi = labelVi;
        this.workingDays = workingDays;
        this.warnAfter = warnAfter;
        this.legalBasis = legalBasis;
        this.duty = duty;
        this.rounds = rounds;
    }

    public String labelVi() {
        return labelVi;
    }

    public int workingDays() {
        return workingDays;
    }

    /** Working days after which a reminder is due (0: none). */
    public int warnAfter() {
        return warnAfter;
    }

    /** The same for a period of {@code days} (a field's longer processing): as many days before its end. */
    public int warnAfter(int days) {
        return warnAfter == 0 ? 0 : days - (workingDays - warnAfter);
    }

    public String legalBasis() {
        return legalBasis;
    }

    /** Whether the body handling the case is the one to act, and so to be reminded and alerted. */
    public boolean bodysDuty() {
        return duty == Duty.BODY;
    }

    /** How many periods run one after the other, each from the previous one's due day. */
    public int rounds() {
        return rounds;
    }
}
