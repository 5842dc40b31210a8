package vn.paknhub.core.crypto;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Cryptographic randomness without a global lock: the default SecureRandom (and so
 * UUID.randomUUID) serialises every caller on one lock, which a profile of web intake showed as
 * the busiest contention point (seven draws per submission). One DRBG per thread instead.
 */
public final class Randomness {

    private static final ThreadLocal<SecureRandom> PER_THREAD = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private Randomness() {
    }

    public static byte[] bytes(int count) {
        byte[] b = new byte[count];
        PER_THREAD.get().nextBytes(b);
        return b;
    }

    /** A random (version 4) UUID. */
    public static UUID uuid() {
        ByteBuffer b = ByteBuffer.wrap(bytes(16));
        long high = (b.getLong() & ~0xF000L) | 0x4000L;
        long low = (b.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
