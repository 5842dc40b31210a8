package vn.paknhub.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts submitters' personal data and stored files at rest (Đ17, Đ28.4) and computes keyed hashes for
 * lookups that must not decrypt every row (e.g. "all cases from this email address").
 *
 * <p>The keys are data keys wrapped by the operator's master key ({@link DataKeys}). A ciphertext names
 * the key that made it: version 2 is {@code 0x02, key id (4 bytes), IV, AES-GCM output}, the first five
 * bytes authenticated too; version 1 ({@code 0x01, IV, output}), written before keys had ids, is read
 * with data key 1.
 */
@Component
public class PersonalDataProtector {

    private static final byte LEGACY_VERSION = 1;
    private static final byte KEY_ID_VERSION = 2;
    private static final int HEADER_BYTES = 5;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final DataKeys keys;
    // Cipher.getInstance costs as much as the encryption itself; instances are not thread-safe
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance("AES/GCM/NoPadding"));
    private final ThreadLocal<Mac> macs;

    @Autowired
    public PersonalDataProtector(DataKeys keys) {
        this.keys = keys;
        SecretKeySpec hashKey = keys.lookupHashKey();
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

    /** Without a database: the keys a master key gave before they were kept wrapped (tools, tests). */
    public PersonalDataProtector(String masterKeyBase64) {
        this(DataKeys.withoutStore(masterKeyBase64));
    }

    private static Cipher instance(String transformation) {
        try {
            return Cipher.getInstance(transformation);
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
            int keyId = keys.activeEncryptionKeyId();
            byte[] iv = Randomness.bytes(IV_BYTES);
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).put(KEY_ID_VERSION).putInt(keyId);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.encryptionKey(keyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header.array());
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(HEADER_BYTES + IV_BYTES + sealed.length).put(header.array()).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public byte[] decryptBytes(byte[] ciphertext) {
        boolean legacy = ciphertext.length > 0 && ciphertext[0] == LEGACY_VERSION;
        int header = legacy ? 1 : HEADER_BYTES;
        if (ciphertext.length < header + IV_BYTES || !legacy && ciphertext[0] != KEY_ID_VERSION) {
            throw new IllegalStateException("unknown personal-data ciphertext version");
        }
        int keyId = legacy ? DataKeys.FIRST_ENCRYPTION_KEY : ByteBuffer.wrap(ciphertext, 1, 4).getInt();
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, keys.encryptionKey(keyId), new GCMParameterSpec(TAG_BITS, ciphertext, header, IV_BYTES));
            cipher.updateAAD(ciphertext, 0, header);
            return cipher.doFinal(ciphertext, header + IV_BYTES, ciphertext.length - header - IV_BYTES);
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
