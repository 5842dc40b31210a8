package vn.paknhub.intake;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An item that says nothing a body could act on (Art. 8.2: "rõ ràng, chính xác"; Art. 11.2b: "chưa rõ nội
 * dung" is asked to clarify): "Tôi có ý kiến về chuyển đổi số, mong các đồng chí quan tâm", "Như tiêu đề",
 * "nội dung trong file đính kèm" with no file.
 *
 * <p>What is counted is the words that carry a fact or a proposal: the title and the content together, less
 * the letter's formulae (salutation, thanks, signature, contact lines) and less the words every item uses
 * whatever it is about (pronouns, function words, "đề nghị", "vấn đề", "quan tâm", "xem xét", "cơ quan",
 * "người dân", "cải thiện", "tốt hơn"). A concrete item names things — a system, a procedure, a date, a number,
 * a place, a step — and so keeps many distinct syllables; a vague one keeps a handful. A file attached that the
 * text points to is taken as the content.
 */
public final class NothingConcrete {

    /** Distinct syllables that carry content below which an item says nothing concrete. */
    static final int MIN_CONTENT_SYLLABLES = 8;

    /**
     * The letter's formulae: the salutation and the closing up to the end of their sentence (they often share a
     * line with the item: "Kính gửi: Bộ Y tế. Đề nghị …"), and labelled contact lines.
     */
    private static final Pattern FORMULA = Pattern.compile("^\\s*(?:(?:kính gửi|đồng kính gửi|kính thưa|trân trọng"
            + "|xin (?:chân thành )?cảm ơn|chân thành cảm ơn)[^.!?\\n]*|(?:người (?:gửi|viết|đề nghị|kiến nghị|góp ý)"
            + "|họ (?:và )?tên|địa chỉ|điện thoại|đt|sđt|sdt|email|e-mail|thư điện tử|số cccd|cccd|cmnd)\\s*:[^\\n]*"
            + "|\\S+@\\S+[^\\n]*)", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** A place and date line: "Hà Nội, ngày 5 tháng 12 năm 2026". */
    private static final Pattern PLACE_AND_DATE = Pattern.compile("^[^\\n,]{0,40}, ngày \\d[^\\n]*$",
            Pattern.MULTILINE | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** A signature at the end: a line of two to six capitalised words ("Nguyễn Văn Bình", "TS. Lê Thu Hà"). */
    private static final Pattern SIGNATURE_LINE = Pattern.compile("(?:\\p{Lu}[\\p{L}\\p{M}]*\\.?\\s*){2,6}");

    /** Words any item uses: they say that something is asked, not what. */
    private static final Set<String> EMPTY_WORDS = Set.copyOf(java.util.Arrays.asList((
            // persons and address
            "tôi chúng ta em anh chị ông bà cô chú bác mình họ người dân bạn đồng chí các quý vị lãnh đạo cán bộ "
            // function words
            + "những mọi cái này đó kia ấy nọ là thì mà và với của cho để về ở tại trong ngoài trên dưới từ đến tới "
            + "theo bởi vì do nên nếu khi lúc đã đang sẽ vẫn còn cũng đều rất quá lắm hơn nhất hết được bị có không "
            + "chưa chẳng phải cần muốn mong xin kính gửi thưa trân trọng cảm ơn chân thành ạ nhé nhỉ vậy thế nào gì "
            + "đây hiện nay thời gian qua vừa rồi luôn ngay lại đi ra vào lên hãy nhờ giúp đỡ một số nhiều ít vài "
            + "như trên tiêu đề nội dung sau đây cụ thể sớm nhanh chóng thêm nữa đây ý kiến việc điều sự vấn "
            // what every petition says it does
            + "nghị kiến xuất góp phản ánh yêu cầu quan tâm xem xét giải quyết xử lý chỉ đạo cơ quan chức năng cấp "
            + "ngành thẩm quyền liên trách nhiệm phía bên hướng nhằm đảm bảo nâng cao hiệu quả cải thiện phát triển "
            + "tình hình thực tế trạng tốt kém tệ bất cập khó khăn vướng mắc hợp lý chính đáng mọi mặt vấn đề lĩnh vực "
            + "đính kèm file tệp gửi kèm xem trân trọng kính mong rằng hy vọng "
            // opinions without an object: praise, worry, support, "doing it properly"
            + "nhưng tuy nhiên song gặp tiến bộ đúng sai cái làm nghĩ biết nói thấy lắng nghe trăn trở băn khoăn "
            + "hoàn toàn ủng hộ đồng tình thực chất tránh hình thức mạnh mẽ quyết liệt tích cực hiệu hơn nữa thêm "
            + "đất nước xã hội tương lai lâu dài").split(" ")));

    private static final Pattern SYLLABLE = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:[./,:-]\\p{N}+)*");

    /** The text says its content is in an attached file. */
    private static final Pattern POINTS_TO_FILE = Pattern.compile("(?:đính kèm|gửi kèm|kèm theo|tệp|file)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private NothingConcrete() {
    }

    /**
     * Why the item says nothing concrete (Vietnamese, for the request to clarify), or empty when it does.
     * Texts are expected normalised; either may be null.
     */
    public static Optional<String> why(String title, String content, int attachments) {
        String text = (title == null ? "" : title) + "\n" + (content == null ? "" : content);
        boolean pointsToFile = POINTS_TO_FILE.matcher(text).find();
        if (pointsToFile && attachments > 0) {
            return Optional.empty();
        }
        int syllables = contentSyllables(text);
        if (syllables >= MIN_CONTENT_SYLLABLES) {
            return Optional.empty();
        }
        return Optional.of(pointsToFile
                ? "Nội dung dẫn tới tệp đính kèm nhưng không có tệp nào được gửi kèm; đề nghị gửi lại tệp hoặc nêu"
                        + " nội dung, sự việc cụ thể và đề xuất của Ông/Bà (Điều 8.2, Điều 11.2b)."
                : "Nội dung chưa nêu sự việc, thông tin cụ thể hay đề xuất, giải pháp cụ thể; đề nghị Ông/Bà bổ sung,"
                        + " làm rõ: vấn đề ở đâu, khi nào, liên quan đến văn bản, hệ thống hay thủ tục nào, và Ông/Bà"
                        + " đề xuất gì (Điều 8.2, Điều 11.2b).");
    }

    /** How many distinct syllables of the text carry content: what is left once the formulae and empty words are gone. */
    static int contentSyllables(String text) {
        String body = withoutSignature(text);
        body = PLACE_AND_DATE.matcher(FORMULA.matcher(body).replaceAll(" ")).replaceAll(" ");
        Set<String> kept = new HashSet<>();
        Matcher m = SYLLABLE.matcher(body);
        while (m.find()) {
            String s = m.group().toLowerCase(Locale.ROOT);
            if (!EMPTY_WORDS.contains(s)) {
                kept.add(s);
            }
        }
        return kept.size();
    }

    /** The text without its trailing signature lines. */
    private static String withoutSignature(String text) {
        String[] lines = text.strip().split("\n");
        int end = lines.length;
        while (end > 1 && (lines[end - 1].isBlank() || SIGNATURE_LINE.matcher(lines[end - 1].strip()).matches())) {
            end--;
        }
        return String.join("\n", java.util.Arrays.copyOf(lines, end));
    }
}
