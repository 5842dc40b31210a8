package vn.paknhub.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts submitters' personal data at rest (Đ17, Đ28.4) and computes keyed hashes for lookups
 * that must not decrypt every row (e.g. "all cases from this email address").
 *
 * <p>Both keys derive from one master key so that operators manage a single secret. Ciphertexts
 * start with a key-version byte so the master key can be rotated later without a flag day.
 */
@Component
public class PersonalDataProtector {

    private static final byte KEY_VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    // Cipher.getInstance costs as much as the encryption itself; instances are not thread-safe
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance("AES/GCM/NoPadding"));
    private final ThreadLocal<Mac> macs;

    public PersonalDataProtector(@Value("${hub.crypto.master-key:}") String masterKeyBase64) {
        byte[] master = decodeMasterKey(masterKeyBase64);
        this.encryptionKey = new SecretKeySpec(derive(master, "pakn-hub/encryption/v1"), "AES");
        this.hashKey = new SecretKeySpec(derive(master, "pakn-hub/lookup-hash/v1"), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(hashKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Cipher instance(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decodeMasterKey(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("HUB_CRYPTO_MASTER_KEY (hub.crypto.master-key) is not set: it must hold"
                    + " 32 random bytes in base64 (openssl rand -base64 32). Personal data cannot be stored without it.");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("HUB_CRYPTO_MASTER_KEY is not valid base64", e);
        }
        if (key.length < 32) {
            throw new IllegalStateException("HUB_CRYPTO_MASTER_KEY must decode to at least 32 bytes, got " + key.length);
        }
        return key;
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        return encryptBytes(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public String decrypt(byte[] ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        return new String(decryptBytes(ciphertext), StandardCharsets.UTF_8);
    }

    public byte[] encryptBytes(byte[] plaintext) {
        try {
            byte[] iv = Randomness.bytes(IV_BYTES);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(new byte[] {KEY_VERSION});
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(KEY_VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public byte[] decryptBytes(byte[] ciphertext) {
        if (ciphertext.length < 1 + IV_BYTES || ciphertext[0] != KEY_VERSION) {
            throw new IllegalStateException("unknown personal-data ciphertext version");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, ciphertext, 1, IV_BYTES));
            cipher.updateAAD(new byte[] {KEY_VERSION});
            return cipher.doFinal(ciphertext, 1 + IV_BYTES, ciphertext.length - 1 - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data could not be decrypted (wrong master key?)", e);
        }
    }

    /** Keyed hash for exact-match lookups; callers normalise the value first (lower-cased email, digits-only phone). */
    public byte[] lookupHash(String value) {
        if (value == null) {
            return null;
        }
        return macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time comparison, so that guessing a lookup secret leaks nothing through timing. */
    public boolean matches(String candidate, byte[] expectedHash) {
        return candidate != null && expectedHash != null && MessageDigest.isEqual(lookupHash(candidate), expectedHash);
    }
}
