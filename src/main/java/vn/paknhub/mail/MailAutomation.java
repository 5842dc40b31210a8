package vn.paknhub.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a person wrote the mail (RFC 3834): auto-replies, delivery reports, bounces and list
 * traffic are kept but never answered, or the hub and an out-of-office robot would answer each other
 * for ever. The reason names the header that gave it away.
 */
final class MailAutomation {

    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "^(auto(matic)? ?(reply|response)|out of (the )?office|autoreply|trả lời tự động|thư trả lời tự động"
                    + "|undeliverable|delivery status notification|mail delivery (failed|failure)|returned mail)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ROBOT_SENDER = Pattern.compile("^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@.*",
            Pattern.CASE_INSENSITIVE);

    private MailAutomation() {
    }

    /** Why no person wrote it, or null when a person did. */
    static String of(MimeMessage m, String subject) throws MessagingException {
        String auto = header(m, "Auto-Submitted");
        if (auto != null && !auto.toLowerCase(Locale.ROOT).startsWith("no")) {
            return "Auto-Submitted: " + auto;
        }
        String type = m.getContentType() == null ? "" : m.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/report") || type.contains("delivery-status")) {
            return "delivery status report (" + type.split(";")[0] + ")";
        }
        String returnPath = header(m, "Return-Path");
        if (returnPath != null && returnPath.replace(" ", "").equals("<>")) {
            return "Return-Path: <> (a bounce)";
        }
        String precedence = header(m, "Precedence");
        if (precedence != null && precedence.toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply")) {
            return "Precedence: " + precedence;
        }
        for (String list : new String[] {"List-Id", "List-Unsubscribe", "List-Post"}) {
            if (header(m, list) != null) {
                return list + " (a mailing list)";
            }
        }
        // X-Auto-Response-Suppress is not looked at: it asks others not to send auto-replies to this mail, and
        // Outlook and Exchange set it ("All") on ordinary mail people write; it says nothing of who wrote it.
        for (String robot : new String[] {"X-Autoreply", "X-Autorespond", "X-Auto-Reply"}) {
            if (header(m, robot) != null) {
                return robot;
            }
        }
        String[] from = m.getHeader("From");
        if (from != null && from.length > 0 && ROBOT_SENDER.matcher(address(from[0])).matches()) {
            return "From: " + address(from[0]);
        }
        if (AUTO_SUBJECT.matcher(subject.strip()).matches()) {
            return "Subject: " + subject.strip();
        }
        return null;
    }

    private static String header(MimeMessage m, String name) throws MessagingException {
        String v = m.getHeader(name, ",");
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String address(String from) {
        int lt = from.lastIndexOf('<');
        int gt = from.lastIndexOf('>');
        return (lt >= 0 && gt > lt ? from.substring(lt + 1, gt) : from).strip();
    }
}
