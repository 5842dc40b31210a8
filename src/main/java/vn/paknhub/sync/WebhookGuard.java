package vn.paknhub.sync;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.paknhub.delivery.ConnectorSigner;

/**
 * Lets in only a status webhook signed by its system, recently: {@code X-Pakn-Signature:
 * sha256=<HMAC-SHA256 of "<X-Pakn-Timestamp>.<body>">} with the system's own key (the environment
 * variable its routes file names), and a timestamp inside the replay window. A copy replayed within
 * the window is caught by its message id.
 */
@Component("statusWebhookGuard")
public class WebhookGuard {

    /** The signature or the timestamp is missing, wrong or too old. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final ConnectorSigner signer;
    private final Clock clock;
    private final long windowSeconds;

    public WebhookGuard(ConnectorSigner signer, Clock clock,
            @Value("${hub.sync.webhook-window-seconds:300}") long windowSeconds) {
        this.signer = signer;
        this.clock = clock;
        this.windowSeconds = windowSeconds;
    }

    public void verify(Exchange exchange) {
        String timestamp = exchange.getMessage().getHeader("X-Pakn-Timestamp", String.class);
        String signature = exchange.getMessage().getHeader("X-Pakn-Signature", String.class);
        String variable = exchange.getMessage().getHeader("PaknSigningKeyVariable", String.class);
        String body = exchange.getMessage().getBody(String.class);
        if (timestamp == null || signature == null) {
            throw new Refused("thiếu chữ ký / X-Pakn-Timestamp and X-Pakn-Signature are required");
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new Refused("X-Pakn-Timestamp phải là giây Unix / must be epoch seconds");
        }
        if (Math.abs(clock.instant().getEpochSecond() - sent) > windowSeconds) {
            throw new Refused("thông điệp quá cũ hoặc sai giờ / timestamp outside the " + windowSeconds + " s window");
        }
        if (!signer.verifies(variable, timestamp, body, signature)) {
            throw new Refused("chữ ký không đúng / invalid signature");
        }
    }
}
