package vn.paknhub.abuse;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Token buckets kept in PostgreSQL (Bucket4j), so every hub node counts against the same limit: one
 * bucket per kind of request and key (a client address, a submitter's keyed hash, a tracking code).
 * Buckets left alone expire and their rows are removed.
 */
@Component
public class RateLimits {

    /** What is counted, and how much of it is allowed per period. */
    enum Kind {
        SUBMIT("submit"), LOOKUP("lookup"), FOLLOW_UP("follow-up"), SUBMITTER("submitter"), WRONG_SECRET("wrong-secret");

        final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final LimitSettings settings;
    /**
     * Buckets this node found empty, and until when (System.nanoTime): a flood is refused from here,
     * without a database transaction per request (a bucket emptied cannot fill again before that time).
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Long> emptyUntil = new java.util.concurrent.ConcurrentHashMap<>();

    RateLimits(DataSource database, LimitSettings settings) {
        this.settings = settings;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    private BucketConfiguration configuration(Kind kind) {
        return switch (kind) {
            case SUBMIT -> perPeriod(settings.submissionsPerAddress(), Duration.ofMinutes(1));
            case LOOKUP -> perPeriod(settings.lookupsPerAddress(), Duration.ofMinutes(1));
            case FOLLOW_UP -> perPeriod(settings.followUpsPerAddress(), Duration.ofMinutes(1));
            case SUBMITTER -> perPeriod(settings.submissionsPerSubmitter(), Duration.ofDays(1));
            case WRONG_SECRET -> perPeriod(settings.wrongSecrets(), settings.lockPeriod());
        };
    }

    /** {@code count} allowed per {@code period}, given back all at once when the period is over (a lock, not a trickle). */
    private static BucketConfiguration perPeriod(int count, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(count).refillIntervally(count, period)).build();
    }

    boolean enabled() {
        return settings.enabled();
    }

    /** Takes one from {@code key}'s bucket; empty when allowed, else how long until it would be. */
    Optional<Duration> take(Kind kind, String key) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        String id = kind.prefix + ":" + key;
        Long until = emptyUntil.get(id);
        long now = System.nanoTime();
        if (until != null && until - now > 0) {
            return Optional.of(Duration.ofNanos(until - now));
        }
        ConsumptionProbe probe = buckets.getProxy(id, () -> configuration(kind)).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        emptyUntil.put(id, now + probe.getNanosToWaitForRefill());
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** How long {@code key}'s bucket stays empty; empty when something is left in it. */
    Optional<Duration> emptyFor(Kind kind, String key) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        var bucket = buckets.getProxy(kind.prefix + ":" + key, () -> configuration(kind));
        if (bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    /** Removes buckets nobody has used for longer than they take to refill; the number removed. */
    int removeExpired() {
        long now = System.nanoTime();
        emptyUntil.values().removeIf(until -> until - now <= 0);
        return buckets.removeExpired(1000);
    }

    /** The number left in {@code key}'s bucket after taking one (for the lock that follows the last). */
    long takeAndCount(Kind kind, String key) {
        if (!settings.enabled()) {
            return Long.MAX_VALUE;
        }
        ConsumptionProbe probe = buckets.getProxy(kind.prefix + ":" + key, () -> configuration(kind)).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? probe.getRemainingTokens() : -1;
    }
}
