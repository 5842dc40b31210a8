package vn.paknhub.casefile;

/**
 * The regulation's facts about an item that intake records on its case: its kind (Đ3.1) and who sent it (Đ2.3),
 * each with where it came from. A fact nobody gave and the text did not show is null with a null source: an
 * officer classifies it rather than the hub guessing, since a guess would be counted in the statistics as a fact.
 */
public record ItemFacts(ItemKind kind, FactSource kindSource, SubmitterType submitterType,
        FactSource submitterTypeSource) {

    /** Nothing known: cases opened before these facts were recorded, and callers that know none. */
    public static final ItemFacts NONE = new ItemFacts(null, null, null, null);

    public ItemFacts {
        if ((kind == null) != (kindSource == null) || (submitterType == null) != (submitterTypeSource == null)) {
            throw new IllegalArgumentException("a fact and its source go together: " + kind + "/" + kindSource + ", "
                    + submitterType + "/" + submitterTypeSource);
        }
    }

    /** "Kiến nghị (đọc từ nội dung)", or the English; "chưa xác định" when the kind is not known. */
    public String kindLine(boolean english) {
        return kind == null ? unknown(english)
                : english ? kind.labelEn() + " (" + kindSource.labelEn() + ")" : kind.labelVi() + " (" + kindSource.labelVi() + ")";
    }

    /** "Tổ chức (do người gửi chọn)", or the English; "chưa xác định" when the type is not known. */
    public String submitterTypeLine(boolean english) {
        return submitterType == null ? unknown(english)
                : english ? submitterType.labelEn() + " (" + submitterTypeSource.labelEn() + ")"
                        : submitterType.labelVi() + " (" + submitterTypeSource.labelVi() + ")";
    }

    private static String unknown(boolean english) {
        return english ? "not determined" : "chưa xác định";
    }
}
