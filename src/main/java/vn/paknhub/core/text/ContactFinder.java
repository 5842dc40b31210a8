package vn.paknhub.core.text;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contact details a person puts in the body or the signature of a mail or a letter: a Vietnamese phone
 * number, and an address (a line labelled "Địa chỉ", or a signature line naming a commune, district
 * or province). Explainable rules; nothing is invented when nothing is found.
 */
public final class ContactFinder {

    /**
     * A phone number as people write it: 0912 345 678, 0912.345.678, +84 912 345 678, 0084 912…, the country code
     * in parentheses "(+84) 905 …" or "(84) 905 …", "+84 (0) 905 …", a landline's area code in parentheses
     * "(0296) 3856 123". Candidates are checked by their digit count in {@link #phone(String)}.
     */
    private static final Pattern PHONE = Pattern.compile("(?<![\\d+])(?:\\(\\s*(?:\\+|00)?84\\s*\\)|(?:\\+|00)84(?:\\s*\\(0\\))?"
            + "|\\(\\s*0\\d{1,3}\\s*\\)|0)(?:[ .-]?\\d){6,10}(?!\\d)");
    private static final Pattern LABELLED_ADDRESS = Pattern.compile(
            "^\\s*(?:địa chỉ(?: liên hệ| thường trú| nhà riêng)?|đ/c|đc)\\s*[:：-]\\s*(.{8,250})$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE);
    private static final Pattern PLACE = Pattern.compile(
            "\\b(phường|xã|thị trấn|quận|huyện|thị xã|tỉnh|thành phố|tp\\.)\\s*\\p{L}",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** How far from the end a signature is looked for. */
    private static final int SIGNATURE_LINES = 10;

    private ContactFinder() {
    }

    /** The first phone number, as digits with a leading 0 (+84 912… and (+84) 912… become 0912…). */
    public static Optional<String> phone(String text) {
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            String written = m.group();
            String digits = written.replaceAll("\\D", "");
            if (written.startsWith("0084") || written.matches("^\\(\\s*0084.*")) {
                digits = digits.substring(4);
            } else if (!written.startsWith("0") && !written.matches("^\\(\\s*0.*")) {
                // +84, (+84), (84): the country code, then the number without its leading 0 (or with it, "(0)")
                digits = digits.substring(2);
            }
            if (!digits.startsWith("0")) {
                digits = "0" + digits;
            }
            if (digits.length() == 10 || digits.length() == 11 && digits.startsWith("02")) {
                return Optional.of(digits);
            }
        }
        return Optional.empty();
    }

    public static Optional<String> address(String text) {
        Matcher labelled = LABELLED_ADDRESS.matcher(text);
        if (labelled.find()) {
            return Optional.of(cleanAddress(labelled.group(1)));
        }
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - SIGNATURE_LINES); i--) {
            String line = lines.get(i);
            if (PLACE.matcher(line).find() && line.length() <= 250) {
                return Optional.of(cleanAddress(signatureAddress(line)));
            }
        }
        return Optional.empty();
    }

    /**
     * The address part of a one-line signature such as "Đỗ Minh Châu, 5 Trần Phú, phường Điện Biên,
     * quận Ba Đình, Hà Nội, 0904 555 666": phone numbers dropped, and the leading segments that are
     * neither a house number nor a place (the person's name, a title).
     */
    private static String signatureAddress(String line) {
        List<String> segments = java.util.Arrays.stream(line.split(","))
                .map(String::strip).filter(seg -> !seg.isEmpty() && !PHONE.matcher(seg).find()).toList();
        int start = 0;
        while (start < segments.size() - 1 && !segments.get(start).matches(".*\\d.*")
                && !PLACE.matcher(segments.get(start)).find()) {
            start++;
        }
        return String.join(", ", segments.subList(start, segments.size()));
    }

    private static String cleanAddress(String s) {
        return s.strip().replaceAll("[.;,]+$", "");
    }
}
