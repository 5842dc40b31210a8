package vn.paknhub.casefile;

/**
 * Who asks for a step on a case. The state machine decides permissions by role only; whether a
 * given person really belongs to the assigned agency is the caller's concern.
 */
public enum ActorRole {
    SUBMITTER("Người gửi PAKN, SKGP", "Submitter"),
    AGENCY("Cơ quan được giao xử lý", "Assigned agency"),
    CENTRAL_OFFICE("Văn phòng Trung ương Đảng", "Central Party Office"),
    SYSTEM("Hệ thống (tự động)", "System (automatic)");

    private final String labelVi;
    private final String labelEn;

    ActorRole(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }
}
