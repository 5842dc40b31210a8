package vn.paknhub.intake;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.paknhub.core.text.VietnameseText;

/**
 * Words an item must not use (Art. 8.3: "không sử dụng từ ngữ mang tính chất xúc phạm … quy chụp hoặc kích
 * động, chia rẽ"), which Art. 20 answers with a hold while a person verifies, not with a refusal.
 *
 * <p>Criticism is not offence: Art. 20 also says the handling must not obstruct the right to petition, so
 * "thủ tục rườm rà", "cán bộ chậm trễ", "lãng phí ngân sách" pass, and so do items about fighting fraud,
 * corruption or hostile propaganda, whose topic is made of alarming words. What is looked for is abuse aimed
 * at people (insults, profanity, contempt), and calls to act against the State or between groups
 * (incitement, threats, regional and political slurs). Matching runs on the text as written, with its
 * diacritics: folded, "chó" (dog) would be "cho" (give), "đéo" would be "đeo" (wear).
 */
public final class OffensiveContent {

    /** What kind of offence; incitement is not told to its writer (Art. 20a: other authorities may act). */
    public enum Kind {
        INSULT("từ ngữ xúc phạm, thiếu văn hoá", "insulting or abusive words"),
        INCITEMENT("nội dung kích động, đe doạ, chia rẽ", "incitement, threats or divisive slurs");

        private final String vi;
        private final String en;

        Kind(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }

        public String vi() {
            return vi;
        }

        public String en() {
            return en;
        }
    }

    /** The offending words as written, and their kind. */
    public record Finding(Kind kind, String evidence) {
    }

    private static final String WORD_START = "(?<![\\p{L}\\p{M}\\p{N}])";
    private static final String WORD_END = "(?![\\p{L}\\p{M}\\p{N}])";

    /** Contempt for a group of people: "bọn cán bộ", "lũ quan tham", "thằng chủ tịch". */
    private static final String CONTEMPT = "(?:bọn|lũ|đám|tụi|thằng|con mụ|mụ|những tên|bầy)";
    private static final String OFFICIALS = "(?:cán bộ|quan chức|quan tham|quan lại|công chức|viên chức|lãnh đạo|chủ tịch"
            + "|giám đốc|bộ trưởng|thứ trưởng|phó|trưởng phòng|quan|chính quyền|nhà nước|công an|an ninh|thuế vụ"
            + "|cơ quan|ngu|ăn hại)";

    private static final Pattern INSULT = words(
            "đồ ngu", "ngu dốt", "ngu si", "ngu xuẩn", "ngu như (?:bò|lợn|chó|heo)", "đần độn", "óc (?:chó|lợn|bò|heo)",
            "não (?:cá vàng|phẳng|tôm)", "ăn hại", "ăn bám", "mất dạy", "vô học", "vô giáo dục", "vô liêm sỉ", "khốn nạn",
            "khốn kiếp", "đồ khốn", "chó má", "đồ chó", "thằng chó", "lũ chó", "bọn chó", "như chó", "súc vật",
            "súc sinh", "cặn bã", "sâu dân mọt nước", "sâu mọt", "đê tiện", "bỉ ổi", "hèn hạ", "thối nát", "mục nát",
            "bất tài vô dụng", "lão già", "mụ già", "thằng già", "dốt nát", "dốt mà", "đồ bán nước", "lũ bán nước", "bọn bán nước", "việt gian", "mặt dày", "trơ trẽn",
            CONTEMPT + " " + OFFICIALS,
            // the contempt pronouns: nobody addresses a State body as "mày"
            "chúng mày", "bọn mày", "tụi mày", "chúng bay", "(?<!lông )mày", "bố mày", "cha mày",
            // profanity, written out or in its chat spelling
            "đéo", "đếch", "địt", "đụ", "lồn", "cặc", "buồi", "đĩ", "chó chết", "mẹ kiếp", "con mẹ (?:nó|mày)",
            "(?<!rơi )vãi", "(?<![0-9] ?)(?:đm|đmm|dm|dmm|đkm|dkm|đcm|dcm|dcmm|đcmm|vcl|vkl|cmn|cmm|clgt|vãi l)");

    private static final Pattern INCITEMENT = words(
            "đả đảo", "lật đổ", "bạo loạn", "nổi dậy chống",
            // a call to act, within a few words of the act
            "(?:hãy|cùng nhau|kêu gọi|tất cả|anh em|bà con|đồng bào|mọi người|chúng ta|phải|đi|cùng)(?: [\\p{L}\\p{M}]+){0,4}"
                    + " (?:biểu tình|xuống đường|đình công|bãi công|bạo động|đập phá|bao vây|tẩy chay (?:chính quyền|nhà nước"
                    + "|bầu cử|đảng|thuế|cơ quan)|không (?:nộp|đóng) thuế|chống lại chính quyền)",
            // the writer calling people to refuse the State's rules or to strike ("tôi kêu gọi bà con không cài …")
            "(?:tôi|chúng tôi|chúng ta|hãy cùng|hãy|xin) kêu gọi(?: [\\p{L}\\p{M}]+,?){0,8} (?:không (?:cài|kích hoạt|nộp"
                    + "|đóng|khai|hợp tác|chấp hành|tuân thủ|làm|đăng ký)|bãi thị|bãi công|bãi khóa|đình công|đóng cửa"
                    + "|biểu tình|xuống đường|tẩy chay|chống lại)",
            "bãi thị", "đóng cửa bãi", "bãi khóa",
            // violence to people and property, and its means
            "mang theo (?:gậy|dao|gạch|đá|hung khí|vũ khí|bom xăng|xăng)", "(?:đập|đốt|phá) (?:camera|trụ sở|xe công an"
                    + "|xe cảnh sát|ủy ban)", "đập phá",
            // threats to people
            "(?:giết|xử tử|treo cổ|xử bắn|chém|đánh chết|thiêu sống|trảm)(?: (?:hết|sạch|cả|luôn))? (?:bọn|lũ|đám|thằng"
                    + "|cán bộ|quan|hết|cả|mấy|những)",
            // regional, ethnic and political slurs ("Nam Kỳ Khởi Nghĩa" is a street)
            "bắc kỳ", "bắc kì", "parky", "namkiki", "nam kì", "(?<!đường )nam kỳ(?! khởi nghĩa| lục tỉnh)", "ba que", "3 que",
            "bò đỏ", "mọi rợ", "(?:bọn|lũ|đám|tụi|bầy|thằng|con) mọi",
            // a whole people or region said to be thieves, lazy, liars (divisive, Art. 8.3)
            "(?:dân|người|bọn|lũ|đám|tụi)(?: [\\p{L}\\p{M}]+){0,4} (?:toàn|đều là|đều|chỉ biết) (?:trộm cắp|ăn cắp|lươn lẹo"
                    + "|lười biếng|lười|lừa đảo|ăn bám|ăn hại|ăn chơi|gian xảo)",
            "tẩy chay (?:bọn|lũ|đám|tụi|người|dân)(?! (?:bán|làm|sản xuất|kinh doanh|buôn))");

    private OffensiveContent() {
    }

    private static Pattern words(String... alternatives) {
        return Pattern.compile(WORD_START + "(?:" + String.join("|", alternatives) + ")" + WORD_END,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * The first offence of the item, incitement before insult (it weighs more); empty for a clean item. Both
     * arguments are expected normalised ({@link VietnameseText#normalize}); either may be null.
     */
    public static Optional<Finding> in(String title, String content) {
        String text = ((title == null ? "" : title) + "\n" + (content == null ? "" : content)).toLowerCase(Locale.ROOT);
        return first(Kind.INCITEMENT, INCITEMENT, text).or(() -> first(Kind.INSULT, INSULT, text));
    }

    private static Optional<Finding> first(Kind kind, Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(new Finding(kind, m.group())) : Optional.empty();
    }
}
