package vn.paknhub.notify;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.ProducerTemplate;

/** A message the hub mails: to one address, through the route that lets only these headers out. */
public final class OutgoingMail {

    private OutgoingMail() {
    }

    /** {@code inReplyTo} (or null) threads the answer onto the person's own mail. */
    public static void send(ProducerTemplate producer, String to, NotificationTemplates.Rendered message, String inReplyTo) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("To", to);
        headers.put("Subject", message.subject());
        // RFC 3834: other robots must not answer ours
        headers.put("Auto-Submitted", inReplyTo == null ? "auto-generated" : "auto-replied");
        if (inReplyTo != null) {
            headers.put("In-Reply-To", inReplyTo);
            headers.put("References", inReplyTo);
        }
        producer.requestBodyAndHeaders("direct:notify-email", message.body(), headers);
    }
}
