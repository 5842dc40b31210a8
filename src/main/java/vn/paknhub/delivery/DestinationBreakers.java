package vn.paknhub.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A circuit breaker per destination system (Resilience4j): after a run of failures the system's
 * deliveries are held back for a while instead of hammering a partner that is down, and the other
 * systems' deliveries go on. When the wait is over the breaker is half open: deliveries resume on
 * trial, a success closes it, a failure opens it again. Held-back deliveries are not attempts; they
 * spend no budget. The breakers' states and calls are metrics ({@code resilience4j_circuitbreaker_*},
 * tag {@code name} = the system).
 */
@Component
public class DestinationBreakers {

    private final CircuitBreakerRegistry registry;

    @Autowired
    public DestinationBreakers(DeliverySettings settings, MeterRegistry meters) {
        this(settings.breakerFailureThreshold(), settings.breakerOpenMs());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    }

    /**
     * @param threshold failures in a row (the last {@code threshold} calls all failed) that open the circuit
     * @param openMs    how long an open circuit holds the system's deliveries back
     */
    DestinationBreakers(int threshold, long openMs) {
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(threshold)
                .minimumNumberOfCalls(threshold)
                .failureRateThreshold(100)
                .waitDurationInOpenState(Duration.ofMillis(openMs))
                // deliveries are not calls through the breaker: the dispatcher asks which systems wait
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    /** Systems whose deliveries wait now. */
    public Set<String> open() {
        return registry.getAllCircuitBreakers().stream()
                .filter(b -> b.getState() == CircuitBreaker.State.OPEN || b.getState() == CircuitBreaker.State.FORCED_OPEN)
                .map(CircuitBreaker::getName).collect(Collectors.toSet());
    }

    public void succeeded(String system) {
        registry.circuitBreaker(system).onSuccess(0, TimeUnit.MILLISECONDS);
    }

    public void failed(String system) {
        registry.circuitBreaker(system).onError(0, TimeUnit.MILLISECONDS, new DeliveryFailed(system));
    }

    /** What the breaker counts: a failed attempt of one of the system's deliveries (its cause is in the delivery). */
    private static final class DeliveryFailed extends RuntimeException {
        DeliveryFailed(String system) {
            super("delivery to " + system + " failed", null, false, false);
        }
    }
}
