package vn.paknhub.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.paknhub.core.Backoff;

/**
 * @param pollIntervalMs          how often due deliveries are looked for
 * @param batchSize               deliveries claimed per poll
 * @param concurrency             deliveries sent at once by one node
 * @param leaseSeconds            a claimed delivery not finished by then (node crashed) is sent again,
 *                                with the same idempotency key
 * @param maxAttempts             the retry budget; then the delivery is parked with its reason
 * @param initialBackoffMs        wait after the first failure, doubled after each further one
 * @param maxBackoffMs            the longest wait between attempts
 * @param breakerFailureThreshold consecutive failures of one system that open its circuit
 * @param breakerOpenMs           how long an open circuit holds that system's deliveries back
 */
@ConfigurationProperties("hub.delivery")
public record DeliverySettings(long pollIntervalMs, int batchSize, int concurrency, int leaseSeconds,
        int maxAttempts, long initialBackoffMs, long maxBackoffMs, int breakerFailureThreshold, long breakerOpenMs) {

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failures (exponential, capped). */
    public long backoffMs(int attempt) {
        return Backoff.exponentialMs(initialBackoffMs, maxBackoffMs, attempt);
    }
}
