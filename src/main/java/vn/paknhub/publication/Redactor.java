package vn.paknhub.publication;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.paknhub.casefile.SubmitterDetails;
import vn.paknhub.core.text.VietnameseText;

/**
 * Removes personal data from a text before it is shown publicly (Đ12.4b with Đ28.4, Đ29.3): the submitter's
 * own name, address, phone, e-mail and ID number wherever they are quoted, and anything that looks like one of
 * those (an e-mail address, a Vietnamese phone number, a 9- or 12-digit ID or a passport number, a name after a
 * form of address or a "họ tên" label, a labelled address or a house number on a street). Explainable rules, not
 * a model: the reviewer sees every removal before publishing and corrects what the rules missed or overdid.
 */
public final class Redactor {

    /** What was removed; the placeholder that replaces it says which, in Vietnamese, to the public. */
    public enum Kind {
        NAME("[họ tên]"), ADDRESS("[địa chỉ]"), PHONE("[số điện thoại]"), EMAIL("[thư điện tử]"),
        ID_NUMBER("[số giấy tờ]");

        private final String placeholder;

        Kind(String placeholder) {
            this.placeholder = placeholder;
        }

        public String placeholder() {
            return placeholder;
        }
    }

    /** One removal: its kind and the words removed (shown to the reviewer only, never published). */
    public record Removal(Kind kind, String original) {
    }

    /** The text as it would be published, and what was taken out of it. */
    public record Result(String text, List<Removal> removals) {
    }

    private static final int FLAGS = Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+", FLAGS);
    private static final Pattern PHONE = Pattern.compile("(?<![\\d+])(?:\\+84|0084|0)(?:[ .-]?\\d){8,10}(?!\\d)");
    // CCCD (12 digits), CMND (9), passport (a letter and 7 digits); amounts are written with separators
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![\\w.,-])(?:\\d{12}|\\d{9}|[A-Z]\\d{7})(?![\\w-]|[.,]\\d)");
    private static final String WORD = "\\p{Lu}[\\p{Ll}\\p{M}]*";
    private static final Pattern NAME = Pattern.compile("(?:\\b(?:[ÔôOo]ng|[Bb]à|[Aa]nh|[Cc]hị|[Tt]ôi là|[Tt]ôi tên là"
            + "|[Tt]ên tôi là|[Hh]ọ và tên|[Hh]ọ tên|[Nn]gười gửi)\\s*:?\\s+)(" + WORD + "(?:\\s+" + WORD + "){1,4})",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LABELLED_ADDRESS = Pattern.compile(
            "(?:địa chỉ(?: liên hệ| thường trú| nhà riêng)?|đ/c)\\s*[:：-]?\\s*((?:số\\s*)?\\d[^\\n;]{6,200}?|[^\\n;]{8,200}?)"
                    + "(?=[.;]?\\s*$|[.;]\\s|\\n|,\\s*(?:số )?(?:điện thoại|đt|email|thư)\\b)",
            Pattern.CASE_INSENSITIVE | FLAGS | Pattern.MULTILINE);
    private static final Pattern STREET_ADDRESS = Pattern.compile(
            "(?:\\bsố\\s+)?\\b\\d+[A-Za-z]?(?:/\\d+[A-Za-z]?)*\\s*,?\\s+(?:phố|đường|ngõ|ngách|hẻm|kiệt)\\s+[^,.;\\n]+",
            Pattern.CASE_INSENSITIVE | FLAGS);

    private Redactor() {
    }

    /** {@code text} with personal data replaced; {@code submitter} may be null when nobody may read it. */
    public static Result redact(String text, SubmitterDetails submitter) {
        if (text == null || text.isBlank()) {
            return new Result(text == null ? "" : text, List.of());
        }
        String source = VietnameseText.normalize(text);
        List<Span> spans = new ArrayList<>();
        if (submitter != null) {
            known(source, submitter.fullName(), Kind.NAME, spans);
            known(source, submitter.address(), Kind.ADDRESS, spans);
            known(source, submitter.email(), Kind.EMAIL, spans);
            known(source, submitter.idNumber(), Kind.ID_NUMBER, spans);
            knownPhone(source, submitter.phone(), spans);
        }
        all(EMAIL, source, 0, Kind.EMAIL, spans);
        all(PHONE, source, 0, Kind.PHONE, spans);
        all(ID_NUMBER, source, 0, Kind.ID_NUMBER, spans);
        all(NAME, source, 1, Kind.NAME, spans);
        all(LABELLED_ADDRESS, source, 1, Kind.ADDRESS, spans);
        all(STREET_ADDRESS, source, 0, Kind.ADDRESS, spans);
        // earliest first, the longest of those starting together; an overlapping later span is inside a removal
        spans.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        StringBuilder out = new StringBuilder();
        List<Removal> removals = new ArrayList<>();
        int at = 0;
        for (Span s : spans) {
            if (s.start() < at) {
                continue;
            }
            out.append(source, at, s.start()).append(s.kind().placeholder());
            removals.add(new Removal(s.kind(), source.substring(s.start(), s.end())));
            at = s.end();
        }
        out.append(source.substring(at));
        return new Result(out.toString(), List.copyOf(removals));
    }

    private record Span(int start, int end, Kind kind) {
    }

    private static void all(Pattern p, String text, int group, Kind kind, List<Span> spans) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            if (m.end(group) > m.start(group)) {
                spans.add(new Span(m.start(group), m.end(group), kind));
            }
        }
    }

    private static void known(String text, String value, Kind kind, List<Span> spans) {
        if (value == null || value.strip().length() < 3) {
            return;
        }
        all(Pattern.compile(Pattern.quote(VietnameseText.normalize(value).strip()), Pattern.CASE_INSENSITIVE
                | Pattern.UNICODE_CASE), text, 0, kind, spans);
    }

    /** The submitter's phone as they may have typed it in the text: its digits, any separators between them. */
    private static void knownPhone(String text, String phone, List<Span> spans) {
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        if (digits.length() < 8) {
            return;
        }
        String local = digits.startsWith("84") ? digits.substring(2) : digits.startsWith("0") ? digits.substring(1) : digits;
        StringBuilder p = new StringBuilder("(?:\\+84|0084|0)?[ .-]?");
        for (int i = 0; i < local.length(); i++) {
            p.append(i == 0 ? "" : "[ .-]?").append(local.charAt(i));
        }
        all(Pattern.compile("(?<!\\d)" + p + "(?!\\d)"), text, 0, Kind.PHONE, spans);
    }
}
