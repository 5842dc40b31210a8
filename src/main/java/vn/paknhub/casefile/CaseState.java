package vn.paknhub.casefile;

/** Status of a PAKN-SKGP case as handled under Quy chế 03-QC/BCĐTW. */
public enum CaseState {
    SUBMITTED("Đã gửi, chờ phân loại", "Submitted, awaiting classification", Phase.BEFORE_ACCEPTANCE),
    SUPPLEMENT_REQUESTED("Yêu cầu bổ sung", "Supplement requested", Phase.BEFORE_ACCEPTANCE),
    // Đ11.2b: "tạm dừng" is a pause, not an end: a late supplement reopens the item.
    SUSPENDED("Tạm dừng xử lý, lưu trữ theo dõi", "Suspended, kept on file for follow-up", Phase.OPEN),
    REJECTED("Không tiếp nhận", "Not accepted", Phase.TERMINAL),
    FORWARDED("Đã chuyển cơ quan có thẩm quyền", "Forwarded to the competent body", Phase.BEFORE_ACCEPTANCE),
    RETURNED_TO_CENTRAL_OFFICE("Trả lại Văn phòng Trung ương Đảng", "Returned to the Central Party Office",
            Phase.BEFORE_ACCEPTANCE),
    ACCEPTED("Đã tiếp nhận xử lý", "Accepted for processing", Phase.OPEN),
    IN_PROGRESS("Đang xử lý", "In progress", Phase.OPEN),
    COORDINATION("Đang phối hợp xử lý", "In coordinated processing", Phase.OPEN),
    OVERDUE("Quá hạn xử lý", "Overdue", Phase.OPEN),
    ESCALATED("Đã báo cáo Ban Chỉ đạo", "Reported to the Steering Committee", Phase.OPEN),
    RESULT_POSTED("Đã có kết quả xử lý", "Result posted", Phase.OPEN),
    RETURNED_FOR_REWORK("Trả lại để xử lý lại", "Returned for rework", Phase.OPEN),
    PUBLISHED("Đã công khai", "Published", Phase.OPEN),
    // Đ12.4c review passed for an item whose submitter did not consent to publication (Đ5.1): the answer is
    // final and told to the submitter (Đ5.2c), but nothing is shown publicly.
    RESULT_APPROVED("Đã duyệt kết quả, không công khai", "Result approved, not published", Phase.OPEN),
    // Đ11.3: a fast-track close holds "trừ khi có nội dung bổ sung hợp lệ", so it must stay reopenable.
    FAST_CLOSED("Kết thúc xử lý nhanh", "Closed by fast track", Phase.OPEN),
    WITHDRAWAL_REQUESTED("Đề nghị rút", "Withdrawal requested", Phase.OPEN),
    WITHDRAWN("Đã rút", "Withdrawn", Phase.TERMINAL),
    VERIFICATION_HOLD("Tạm giữ để xác minh", "On hold for verification", Phase.OPEN),
    APPEALED("Đã gửi phúc đáp", "Appeal submitted", Phase.OPEN),
    APPEAL_ANSWERED("Đã trả lời phúc đáp", "Appeal answered", Phase.OPEN),
    CLOSED("Đã kết thúc", "Closed", Phase.TERMINAL);

    private final String labelVi;
    private final String labelEn;
    private final Phase phase;

    CaseState(String labelVi, String labelEn, Phase phase) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
        this.phase = phase;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }

    /** No action of any actor can move the case out of this state. */
    public boolean terminal() {
        return phase == Phase.TERMINAL;
    }

    /**
     * The item has not yet been accepted for processing (Đ11.2d), which is what allows withdrawal
     * (Đ11.4). WITHDRAWAL_REQUESTED and VERIFICATION_HOLD are pauses on top of another state, so they
     * carry no phase of their own and report false.
     */
    public boolean beforeAcceptance() {
        return phase == Phase.BEFORE_ACCEPTANCE;
    }

    private enum Phase { BEFORE_ACCEPTANCE, OPEN, TERMINAL }
}
