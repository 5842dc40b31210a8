package vn.paknhub.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A circuit breaker per destination system: after a run of consecutive failures the system's
 * deliveries are held back for a while instead of hammering a partner that is down, and the other
 * systems' deliveries go on. When the wait is over, deliveries resume on trial: a success closes
 * the circuit, failure opens it again. Held-back deliveries are not attempts; they spend no budget.
 */
public final class DestinationBreakers {

    private record State(int consecutiveFailures, Instant openUntil) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final int threshold;
    private final long openMs;
    private final Clock clock;

    public DestinationBreakers(int threshold, long openMs, Clock clock) {
        this.threshold = threshold;
        this.openMs = openMs;
        this.clock = clock;
    }

    /** Systems whose deliveries wait now. */
    public Set<String> open() {
        Instant now = clock.instant();
        return states.entrySet().stream()
                .filter(e -> e.getValue().openUntil() != null && now.isBefore(e.getValue().openUntil()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    public void succeeded(String system) {
        states.remove(system);
    }

    public void failed(String system) {
        states.compute(system, (s, old) -> {
            int failures = old == null ? 1 : old.consecutiveFailures() + 1;
            return new State(failures, failures >= threshold ? clock.instant().plusMillis(openMs) : null);
        });
    }
}
