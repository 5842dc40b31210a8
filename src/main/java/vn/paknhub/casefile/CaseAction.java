package vn.paknhub.casefile;

/** A step someone asks to take on a case; each is grounded in an article of Quy chế 03-QC/BCĐTW. */
public enum CaseAction {
    FORWARD("Chuyển cơ quan có thẩm quyền", "Forward to the competent body", Reason.OPTIONAL, "Đ10, Đ11.2c"),
    ACCEPT("Tiếp nhận xử lý", "Accept for processing", Reason.OPTIONAL, "Đ11.2d"),
    REJECT("Không tiếp nhận", "Decline to accept", Reason.REQUIRED, "Đ11.2a"),
    REQUEST_SUPPLEMENT("Yêu cầu bổ sung", "Request supplementary information", Reason.REQUIRED, "Đ11.2b"),
    ADD_SUPPLEMENT("Bổ sung thông tin", "Add supplementary information", Reason.OPTIONAL, "Đ11.2b"),
    SUSPEND("Tạm dừng xử lý", "Suspend processing", Reason.OPTIONAL, "Đ11.2b"),
    RETURN_TO_CENTRAL_OFFICE("Trả lại Văn phòng Trung ương Đảng", "Return to the Central Party Office",
            Reason.REQUIRED, "Đ11.2c/Đ11.2e"),
    FAST_CLOSE("Kết thúc xử lý nhanh", "Close by fast track", Reason.REQUIRED, "Đ11.3"),
    REQUEST_WITHDRAWAL("Đề nghị rút PAKN, SKGP", "Request withdrawal", Reason.REQUIRED, "Đ11.4"),
    CONFIRM_WITHDRAWAL("Xác nhận rút", "Confirm withdrawal", Reason.OPTIONAL, "Đ11.4c"),
    REFUSE_WITHDRAWAL("Không chấp nhận rút", "Refuse withdrawal", Reason.REQUIRED, "Đ11.4d"),
    START_PROCESSING("Bắt đầu xử lý", "Start processing", Reason.OPTIONAL, "Đ12.2"),
    REQUEST_COORDINATION("Đề nghị phối hợp xử lý", "Request coordination", Reason.REQUIRED, "Đ11.2đ/Đ12"),
    END_COORDINATION("Kết thúc phối hợp xử lý", "End coordination", Reason.OPTIONAL, "Đ12"),
    PROGRESS_UPDATE("Cập nhật tiến độ xử lý", "Post a progress update", Reason.REQUIRED, "Đ13.2"),
    MARK_OVERDUE("Đánh dấu quá hạn", "Mark as overdue", Reason.OPTIONAL, "Đ13.2"),
    ESCALATE("Báo cáo Ban Chỉ đạo", "Report to the Steering Committee", Reason.OPTIONAL, "Đ13.2"),
    POST_RESULT("Cập nhật kết quả xử lý", "Post the result", Reason.REQUIRED, "Đ13.3"),
    RETURN_FOR_REWORK("Trả lại để xử lý lại", "Return for rework", Reason.REQUIRED, "Đ12.4c"),
    PUBLISH("Công khai kết quả", "Publish the result", Reason.OPTIONAL, "Đ12.4b"),
    // The Central Party Office's review of an answer (Đ12.4c) happens whether or not it may be published; without
    // consent (Đ5.1) the review ends here, and the submitter is told the result as with PUBLISH (Đ5.2c).
    APPROVE_RESULT("Duyệt kết quả (không công khai)", "Approve the result without publishing", Reason.OPTIONAL,
            "Đ12.4c"),
    RATE("Đánh giá mức độ hài lòng", "Rate satisfaction", Reason.OPTIONAL, "Đ14.1"),
    APPEAL("Gửi phúc đáp", "Appeal the result", Reason.REQUIRED, "Đ14.1"),
    ANSWER_APPEAL("Trả lời phúc đáp", "Answer the appeal", Reason.REQUIRED, "Đ14.1"),
    // Closing is the hub's own bookkeeping once the citizen-facing steps are over; no article prescribes it.
    CLOSE("Kết thúc hồ sơ", "Close the case", Reason.OPTIONAL, ""),
    PLACE_ON_HOLD("Tạm giữ để xác minh", "Hold for verification", Reason.REQUIRED, "Đ20b"),
    RELEASE_HOLD("Kết thúc tạm giữ", "Release the verification hold", Reason.OPTIONAL, "Đ20b");

    private final String labelVi;
    private final String labelEn;
    private final Reason reason;
    private final String legalBasis;

    CaseAction(String labelVi, String labelEn, Reason reason, String legalBasis) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
        this.reason = reason;
        this.legalBasis = legalBasis;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The regulation makes the actor justify this step to the other party, so a blank reason is refused. */
    public boolean reasonRequired() {
        return reason == Reason.REQUIRED;
    }

    /** Article(s) of 03-QC/BCĐTW, e.g. "Đ11.2a"; empty when the step is hub bookkeeping only. */
    public String legalBasis() {
        return legalBasis;
    }

    private enum Reason { REQUIRED, OPTIONAL }
}
