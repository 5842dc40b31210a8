package vn.paknhub.intake;

import java.util.Locale;
import java.util.regex.Pattern;
import vn.paknhub.core.text.VietnameseText;

/**
 * Who sends an item and how to reach them (Art. 8.2): a name, a contact address, a phone number
 * or an email address; an identity number is encouraged but never required. {@code type}: who the
 * sender is (Art. 2.3), a name of {@link vn.paknhub.casefile.SubmitterType}, optional (read from the
 * item when absent).
 */
public record Submitter(String fullName, String organisation, String address, String phone, String email,
        String idNumber, String type) {

    /** Separators people type inside phone numbers: "090 123 4567", "024.3825.1234", "(024) 3825-1234". */
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s.()\\-]");

    /**
     * A copy in canonical form: every value normalised and on one line, the phone number reduced to digits with an
     * optional leading '+', the email address lower-cased. Blank values become null so that
     * "absent" has a single representation.
     */
    public Submitter normalized() {
        String cleanEmail = singleLineOrNull(email);
        return new Submitter(singleLineOrNull(fullName), singleLineOrNull(organisation), singleLineOrNull(address),
                normalizePhone(phone), cleanEmail == null ? null : cleanEmail.toLowerCase(Locale.ROOT),
                singleLineOrNull(idNumber), singleLineOrNull(type));
    }

    /** {@link VietnameseText#singleLine}, with a blank result turned into null: every channel's one-line fields. */
    static String singleLineOrNull(String s) {
        String normalized = VietnameseText.singleLine(s);
        return normalized == null || normalized.isEmpty() ? null : normalized;
    }

    /** {@link VietnameseText#normalize}, with a blank result turned into null. */
    static String normalizedOrNull(String s) {
        String normalized = VietnameseText.normalize(s);
        return normalized == null || normalized.isEmpty() ? null : normalized;
    }

    /** The international call prefix "00" is written as '+', so "0084…" and "+84…" are one number. */
    private static String normalizePhone(String phone) {
        String cleaned = normalizedOrNull(phone);
        if (cleaned == null) {
            return null;
        }
        String compact = PHONE_SEPARATORS.matcher(cleaned).replaceAll("");
        return compact.startsWith("00") ? "+" + compact.substring(2) : compact;
    }
}
