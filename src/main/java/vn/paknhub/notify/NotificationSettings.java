package vn.paknhub.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.paknhub.core.Backoff;

/**
 * @param templatesDir     the operators' templates, one {@code <template>.email.txt} (first line
 *                         {@code Subject: …}) and one {@code <template>.sms.txt} each
 * @param replyTo          where submitters' replies to the hub's mail go (the email channel's published mailbox, so
 *                         that a supplement or a withdrawal request by reply reaches a case); blank: to {@code from}
 * @param lookupUrl        where a submitter follows the item; {@code {code}} is replaced by the tracking code
 * @param concurrency      messages one node sends at once
 * @param maxAttempts      sending attempts before a notification is parked with its reason
 */
@ConfigurationProperties("hub.notify")
public record NotificationSettings(boolean enabled, String templatesDir, String from, String replyTo, String lookupUrl,
        long pollIntervalMs, int batchSize, int concurrency, int leaseSeconds, int maxAttempts, long initialBackoffMs, long maxBackoffMs,
        Smtp smtp, Sms sms) {

    /**
     * @param password         from the environment (HUB_NOTIFY_SMTP_PASSWORD), never from a file
     * @param keepOpenSeconds  how long an unused connection to the server is kept for the next message
     * @param maxPerConnection messages sent over one connection before a new one is opened
     * @param timeoutSeconds   connect, read and write timeout of a connection
     */
    public record Smtp(String host, int port, String username, String password, boolean ssl, int keepOpenSeconds,
            int maxPerConnection, int timeoutSeconds) {
    }

    /** @param apiKeyVariable the environment variable holding the gateway's key */
    public record Sms(boolean enabled, String url, String apiKeyVariable) {

        /** Messages go by SMS only where a gateway is named: without one they would only pile up, parked. */
        public boolean sends() {
            return enabled && url != null && !url.isBlank();
        }
    }

    public long backoffMs(int attempt) {
        return Backoff.exponentialMs(initialBackoffMs, maxBackoffMs, attempt);
    }
}
