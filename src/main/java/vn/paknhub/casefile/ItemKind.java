package vn.paknhub.casefile;

/**
 * What an item is (Đ3.1): a PAKN (phản ánh, kiến nghị: a situation, difficulty or shortcoming reported, a change
 * asked for) or an SKGP (sáng kiến, giải pháp: an initiative or a solution proposed). The statistics of Đ14.3d count
 * the initiatives and solutions recognised as practical, so the two families must be told apart from intake on.
 */
public enum ItemKind {
    FEEDBACK("Phản ánh", "Feedback"),
    PETITION("Kiến nghị", "Petition"),
    INITIATIVE("Sáng kiến", "Initiative"),
    SOLUTION("Giải pháp", "Solution");

    private final String labelVi;
    private final String labelEn;

    ItemKind(String labelVi, String labelEn) {
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
