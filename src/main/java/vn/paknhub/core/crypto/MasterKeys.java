package vn.paknhub.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The operator's master keys: the current one ({@code HUB_CRYPTO_MASTER_KEY}) and, while a rotation is
 * under way, the ones before it ({@code HUB_CRYPTO_PREVIOUS_MASTER_KEYS}). A master key never encrypts
 * data: it wraps the data keys kept in the database (envelope encryption), so that changing it re-wraps
 * a few keys instead of re-encrypting every row and file. Each is known by an id derived from it, kept
 * beside what it wrapped, so the hub knows which one to use and says which is missing.
 */
public final class MasterKeys {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private record MasterKey(String id, byte[] secret, SecretKeySpec wrapping) {
    }

    private final MasterKey current;
    private final Map<String, MasterKey> known = new LinkedHashMap<>();

    private MasterKeys(MasterKey current) {
        this.current = current;
        known.put(current.id(), current);
    }

    /** @param previous comma-separated, empty when no rotation is under way */
    public static MasterKeys of(String currentBase64, String previous) {
        MasterKeys keys = new MasterKeys(parse(currentBase64, "HUB_CRYPTO_MASTER_KEY"));
        if (previous != null) {
            for (String p : previous.split(",")) {
                if (!p.isBlank()) {
                    MasterKey old = parse(p, "HUB_CRYPTO_PREVIOUS_MASTER_KEYS");
                    keys.known.putIfAbsent(old.id(), old);
                }
            }
        }
        return keys;
    }

    private static MasterKey parse(String base64, String variable) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(variable + " (hub.crypto.master-key) is not set: it must hold"
                    + " 32 random bytes in base64 (openssl rand -base64 32). Personal data cannot be stored without it.");
        }
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + " is not valid base64", e);
        }
        if (secret.length < 32) {
            throw new IllegalStateException(variable + " must decode to at least 32 bytes, got " + secret.length);
        }
        String id = HexFormat.of().formatHex(Arrays.copyOf(derive(secret, "pakn-hub/master-key-id/v1"), 8));
        return new MasterKey(id, secret, new SecretKeySpec(derive(secret, "pakn-hub/key-wrapping/v1"), "AES"));
    }

    static byte[] derive(byte[] secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The current master key's id (not secret: 8 bytes of a one-way derivation). */
    public String currentId() {
        return current.id();
    }

    public boolean knows(String masterKeyId) {
        return known.containsKey(masterKeyId);
    }

    /** A key derived from the current master key; the data keys the hub had before they were kept wrapped. */
    byte[] deriveFromCurrent(String purpose) {
        return derive(current.secret(), purpose);
    }

    /** Wraps data key {@code keyId} with the current master key (AES-GCM, bound to the key's id). */
    byte[] wrap(int keyId, byte[] dataKey) {
        try {
            byte[] iv = Randomness.bytes(IV_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.wrapping(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(keyId));
            byte[] sealed = cipher.doFinal(dataKey);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("data key could not be wrapped", e);
        }
    }

    /** Unwraps data key {@code keyId}, wrapped by master key {@code masterKeyId}. */
    byte[] unwrap(int keyId, String masterKeyId, byte[] wrapped) {
        MasterKey master = known.get(masterKeyId);
        if (master == null) {
            throw new IllegalStateException("Data key " + keyId + " is wrapped by master key " + masterKeyId
                    + ", which is neither HUB_CRYPTO_MASTER_KEY (" + current.id() + ") nor in"
                    + " HUB_CRYPTO_PREVIOUS_MASTER_KEYS: set the key it was wrapped with there until every node has"
                    + " started with the new one.");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, master.wrapping(), new GCMParameterSpec(TAG_BITS, wrapped, 0, IV_BYTES));
            cipher.updateAAD(aad(keyId));
            return cipher.doFinal(wrapped, IV_BYTES, wrapped.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Data key " + keyId + " could not be unwrapped with master key " + masterKeyId, e);
        }
    }

    private static byte[] aad(int keyId) {
        return ("pakn-hub/data-key/" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
