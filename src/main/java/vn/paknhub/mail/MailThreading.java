package vn.paknhub.mail;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a reply is recognised and read: the tracking code it carries (in the subject, where our
 * receipts put it, or in the text it quotes), the person's own new words (what they quote of our
 * mail left out), and whether they ask to withdraw the item (Đ11.4b).
 */
final class MailThreading {

    private static final Pattern WITHDRAWAL = Pattern.compile(
            "\\b(xin|đề nghị|muốn|cho tôi|tôi)\\s+(được\\s+)?rút\\b|\\brút\\s+(lại\\s+)?(pakn|skgp|phản ánh|kiến nghị|đề xuất"
                    + "|sáng kiến|giải pháp|thư|đơn)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The line a mail program writes above the quoted mail: "On … wrote:", "Vào … đã viết:". */
    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "^(on .{4,200} wrote:|vào .{4,200} (đã )?viết:|-{2,} ?(original message|thư gốc|forwarded message) ?-{2,})\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final Pattern code;

    MailThreading(String codePrefix) {
        this.code = Pattern.compile("\\b" + Pattern.quote(codePrefix) + "-\\d{8}-\\d{6}\\b");
    }

    /** The tracking code the subject names, else the first the text names. */
    Optional<String> codeIn(String subject, String text) {
        for (String s : new String[] {subject, text}) {
            Matcher m = code.matcher(s == null ? "" : s);
            if (m.find()) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    /** What the person wrote this time: lines quoted with "&gt;" and everything after a quote header left out. */
    static String ownWords(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (QUOTE_HEADER.matcher(line.strip()).matches()) {
                break;
            }
            if (!line.stripLeading().startsWith(">")) {
                out.append(line).append('\n');
            }
        }
        return out.toString().strip();
    }

    static boolean asksToWithdraw(String ownWords) {
        return WITHDRAWAL.matcher(ownWords).find();
    }
}
