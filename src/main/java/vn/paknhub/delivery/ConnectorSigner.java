package vn.paknhub.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Exchange;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Signs a JSON delivery so that the partner can tell it comes from the hub and was not altered:
 * {@code X-Pakn-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">} with
 * {@code X-Pakn-Timestamp} in epoch seconds (a partner refuses old timestamps against replays).
 * The key comes from the environment variable the connector file names. On the embedded
 * development stack, where no variable is set, a key is derived from the development master key so
 * that the sandboxes can verify signatures; never elsewhere.
 */
@Component("connectorSigner")
public class ConnectorSigner {

    static final String SIGNATURE = "X-Pakn-Signature";
    static final String TIMESTAMP = "X-Pakn-Timestamp";

    private final Environment env;
    private final Clock clock;

    public ConnectorSigner(Environment env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    public void sign(Exchange exchange) {
        String variable = exchange.getMessage().getHeader("PaknSigningKeyVariable", String.class);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        exchange.getMessage().setHeader(TIMESTAMP, timestamp);
        exchange.getMessage().setHeader(SIGNATURE,
                signature(keyFor(variable), timestamp, exchange.getMessage().getBody(String.class)));
    }

    public static String signature(byte[] key, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether {@code signature} is this hub's scheme over {@code "<timestamp>.<body>"} with the key named by
     * {@code variable} (compared in constant time): for a partner's status webhook and a partner's answer alike.
     */
    public boolean verifies(String variable, String timestamp, String body, String signature) {
        byte[] expected = signature(keyFor(variable), timestamp, body == null ? "" : body).getBytes(StandardCharsets.US_ASCII);
        return signature != null && java.security.MessageDigest.isEqual(expected,
                signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /** The key named by {@code variable}; refuses to sign with no key rather than send unsigned. */
    public byte[] keyFor(String variable) {
        String key = env.getProperty(variable);
        if (key != null && !key.isBlank()) {
            return key.getBytes(StandardCharsets.UTF_8);
        }
        return HexFormat.of().parseHex(secret(variable));
    }

    /**
     * A partner secret (an HMAC key, a session token) named by {@code variable}: from the environment; on
     * the development hub, derived from its master so that the sandboxes can check it; otherwise refused.
     */
    public String secret(String variable) {
        String value = env.getProperty(variable);
        if (value != null && !value.isBlank()) {
            return value;
        }
        String devMaster = env.getProperty("hub.connectors.dev-signing-master");
        if (devMaster != null && !devMaster.isBlank()) {
            return signature(devMaster.getBytes(StandardCharsets.UTF_8), "dev", variable).substring("sha256=".length());
        }
        throw new DeliveryRefused("NO_SECRET", "environment variable " + variable + " is not set", true);
    }
}
