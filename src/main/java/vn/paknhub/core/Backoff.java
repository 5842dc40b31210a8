package vn.paknhub.core;

/** Exponential back-off between attempts at something that failed (a delivery, a notification). */
public final class Backoff {

    private Backoff() {
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failures: doubled each time, capped. */
    public static long exponentialMs(long initialMs, long maxMs, int attempt) {
        long wait = initialMs;
        for (int i = 1; i < attempt && wait < maxMs; i++) {
            wait *= 2;
        }
        return Math.min(wait, maxMs);
    }
}
