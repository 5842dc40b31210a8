package vn.paknhub.casefile;

/**
 * Who may send an item (Đ2.3): Vietnamese citizens (individuals) and organisations; foreigners living, working,
 * investing or studying in Vietnam; associations and other lawfully established organisations.
 */
public enum SubmitterType {
    INDIVIDUAL("Cá nhân", "Individual"),
    ORGANISATION("Tổ chức", "Organisation"),
    FOREIGNER("Người nước ngoài tại Việt Nam", "Foreigner in Vietnam"),
    ASSOCIATION("Hội, hiệp hội", "Association");

    private final String labelVi;
    private final String labelEn;

    SubmitterType(String labelVi, String labelEn) {
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
