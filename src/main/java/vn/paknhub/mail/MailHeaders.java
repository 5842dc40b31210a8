package vn.paknhub.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import vn.paknhub.core.text.VietnameseText;

/**
 * The headers a mail is stored by, read before anything else and never failing: its Message-ID (for
 * idempotency; null when missing), its sender (for flood screening and the operators' sender filter; null
 * when unreadable) and its subject (decoded, one line, for the operators' list and subject filter; "" when
 * it has none).
 */
record MailHeaders(String messageId, String sender, String subject) {

    /** Longer subjects are kept whole in the stored mail; the list shows and searches this much. */
    private static final int SUBJECT_KEPT = 1000;

    static MailHeaders of(byte[] raw) {
        try {
            InternetHeaders h = new InternetHeaders(new ByteArrayInputStream(raw));
            String id = h.getHeader("Message-ID", null);
            return new MailHeaders(id == null || id.isBlank() ? null : id.strip(), sender(h.getHeader("From", ",")),
                    subject(h.getHeader("Subject", null)));
        } catch (MessagingException | RuntimeException unreadable) {
            return new MailHeaders(null, null, "");
        }
    }

    private static String subject(String raw) {
        if (raw == null) {
            return "";
        }
        String s = VietnameseText.singleLine(MailReader.headerText(MimeUtility.unfold(raw)));
        s = s == null ? "" : s.strip();
        return s.codePointCount(0, s.length()) > SUBJECT_KEPT ? s.substring(0, s.offsetByCodePoints(0, SUBJECT_KEPT)) : s;
    }

    private static String sender(String from) {
        if (from == null) {
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(from, false);
            return parsed.length == 0 ? null : parsed[0].getAddress().toLowerCase(Locale.ROOT);
        } catch (AddressException malformed) {
            return null;
        }
    }
}
