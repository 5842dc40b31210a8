package vn.paknhub.notify;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.ProducerTemplate;

/** A message the hub mails: to one address, through the route that lets only these headers out. */
public final class OutgoingMail {

    private static final Pattern NOTIFICATION_ID = Pattern.compile(
            "^<notification-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^>]+>$");

    private OutgoingMail() {
    }

    /** {@code inReplyTo} (or null) threads the answer onto the person's own mail. */
    public static void send(ProducerTemplate producer, String to, NotificationTemplates.Rendered message, String inReplyTo) {
        send(producer, to, message, inReplyTo, null, null);
    }

    /**
     * {@code messageId} (or null: one of the sending domain is made) is the Message-ID the mail carries, so that
     * a reply quoting only it is recognised; {@code replyTo} (or null) is where the person's replies go.
     */
    public static void send(ProducerTemplate producer, String to, NotificationTemplates.Rendered message, String inReplyTo,
            String messageId, String replyTo) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("To", to);
        headers.put("Subject", message.subject());
        // RFC 3834: other robots must not answer ours
        headers.put("Auto-Submitted", inReplyTo == null ? "auto-generated" : "auto-replied");
        if (inReplyTo != null) {
            headers.put("In-Reply-To", inReplyTo);
            headers.put("References", inReplyTo);
        }
        if (messageId != null) {
            headers.put("Message-ID", messageId);
        }
        if (replyTo != null && !replyTo.isBlank()) {
            headers.put("Reply-To", replyTo);
        }
        producer.requestBodyAndHeaders("direct:notify-email", message.body(), headers);
    }

    /**
     * The Message-ID of the mail sent for notification {@code id}, in the sending domain (the domain of
     * {@code from}): derived from the notification, so the hub knows every Message-ID it sent without keeping them.
     */
    public static String messageId(UUID notification, String from) {
        return "<notification-" + notification + "@" + domainOf(from) + ">";
    }

    /** The notification a Message-ID of ours names, whatever the domain it was sent from. */
    public static Optional<UUID> notificationOf(String messageId) {
        Matcher m = NOTIFICATION_ID.matcher(messageId == null ? "" : messageId.strip());
        return m.matches() ? Optional.of(UUID.fromString(m.group(1))) : Optional.empty();
    }

    /** The domain of an address such as {@code PAKN-SKGP <no-reply@paknskgp.local>}; "localhost" when it has none. */
    static String domainOf(String from) {
        String address = from == null ? "" : from.strip();
        int lt = address.lastIndexOf('<');
        int gt = address.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            address = address.substring(lt + 1, gt);
        }
        int at = address.lastIndexOf('@');
        return at >= 0 && at < address.length() - 1 ? address.substring(at + 1).strip() : "localhost";
    }
}
