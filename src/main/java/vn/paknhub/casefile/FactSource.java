package vn.paknhub.casefile;

/**
 * Where a fact about an item came from: the submitter's own answer, or the hub's reading of the text. An officer
 * weighs the two differently (a reading may be wrong), so every such fact is stored with its source.
 */
public enum FactSource {
    SUBMITTER("do người gửi chọn", "given by the submitter"),
    TEXT("đọc từ nội dung", "read from the text");

    private final String labelVi;
    private final String labelEn;

    FactSource(String labelVi, String labelEn) {
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
