package vn.paknhub.evidence;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.paknhub.core.crypto.Digests;
import vn.paknhub.core.crypto.PersonalDataProtector;

/**
 * The hub's own signing key (Ed25519, from the JDK): made at first use, its private half kept encrypted
 * with the personal data's keys (so under the master key), its public half published for inspectors.
 */
@Component
public class SigningKeys {

    static final String ALGORITHM = "Ed25519";

    /** A public key as published. */
    public record PublishedKey(String id, String algorithm, String publicKeyBase64) {
    }

    private record Current(String id, PrivateKey key) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataProtector protector;
    private volatile Current current;

    SigningKeys(NamedParameterJdbcTemplate jdbc, PersonalDataProtector protector) {
        this.jdbc = jdbc;
        this.protector = protector;
    }

    /** Signs {@code data} with the current key; the key's id and the signature. */
    synchronized Signed sign(byte[] data) {
        if (current == null) {
            current = load().orElseGet(this::create);
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(current.key());
            s.update(data);
            return new Signed(current.id(), s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    record Signed(String keyId, byte[] signature) {
    }

    /** Whether {@code signature} is the signature of {@code data} by key {@code keyId}. */
    boolean verify(String keyId, byte[] data, byte[] signature) {
        List<byte[]> keys = jdbc.queryForList("select public_key from signing_key where id = :id",
                new MapSqlParameterSource("id", keyId), byte[].class);
        if (keys.isEmpty()) {
            return false;
        }
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(keys.get(0)));
            if (!idOf(key.getEncoded()).equals(keyId)) {
                return false;
            }
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public List<PublishedKey> published() {
        return jdbc.query("select id, algorithm, public_key from signing_key order by created_at", new MapSqlParameterSource(),
                (rs, i) -> new PublishedKey(rs.getString(1), rs.getString(2), Base64.getEncoder().encodeToString(rs.getBytes(3))));
    }

    private Optional<Current> load() {
        return jdbc.query("select id, private_key_enc from signing_key order by created_at desc limit 1",
                new MapSqlParameterSource(), (rs, i) -> {
                    try {
                        return new Current(rs.getString(1), KeyFactory.getInstance(ALGORITHM)
                                .generatePrivate(new PKCS8EncodedKeySpec(protector.decryptBytes(rs.getBytes(2)))));
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("the hub's signing key cannot be read", e);
                    }
                }).stream().findFirst();
    }

    /** Makes the key; when another node made one at the same moment, that one is used. */
    private Current create() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            jdbc.update("insert into signing_key (id, algorithm, public_key, private_key_enc) values (:id, :alg, :pub, :priv)"
                    + " on conflict do nothing", new MapSqlParameterSource("id", idOf(pair.getPublic().getEncoded()))
                            .addValue("alg", ALGORITHM).addValue("pub", pair.getPublic().getEncoded())
                            .addValue("priv", protector.encryptBytes(pair.getPrivate().getEncoded())));
            return load().orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no Ed25519 in this JDK", e);
        }
    }

    static String idOf(byte[] publicKey) {
        return HexFormat.of().formatHex(Arrays.copyOf(Digests.sha256(publicKey), 8));
    }
}
