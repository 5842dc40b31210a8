package vn.paknhub.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.util.Locale;

/**
 * The two headers a mail is stored by, read before anything else and never failing: its Message-ID
 * (for idempotency; null when missing) and its sender (for flood screening; null when unreadable).
 */
record MailHeaders(String messageId, String sender) {

    static MailHeaders of(byte[] raw) {
        try {
            InternetHeaders h = new InternetHeaders(new ByteArrayInputStream(raw));
            String id = h.getHeader("Message-ID", null);
            return new MailHeaders(id == null || id.isBlank() ? null : id.strip(), sender(h.getHeader("From", ",")));
        } catch (MessagingException unreadable) {
            return new MailHeaders(null, null);
        }
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
