package vn.paknhub.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content fingerprints: what makes a file, a mail or a token recognisable when it comes again. */
public final class Digests {

    private Digests() {
    }

    public static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(sha256(content));
    }
}
