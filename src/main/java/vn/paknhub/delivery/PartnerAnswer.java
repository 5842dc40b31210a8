package vn.paknhub.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import vn.paknhub.core.crypto.Digests;

/**
 * Keeps what a partner system answered to a delivery as evidence (Đ9.1), before the reply mapping turns
 * it into the hub's small reply shape: the answer's bytes (up to {@link #KEPT_CHARS}), HTTP status, time,
 * SHA-256, and — when the partner signs its answers as the hub signs its messages ({@code X-Pakn-Timestamp},
 * {@code X-Pakn-Signature: sha256=HMAC(key, "<timestamp>.<body>")}, the connector's key) — the signature
 * and whether it holds. A signature that does not hold is kept and said, never hidden; it does not turn a
 * taken delivery into a failed one, since the partner has the item either way.
 */
@Component("partnerAnswers")
public class PartnerAnswer {

    /** The exchange property the connector routes leave the kept answer in, for the dispatcher. */
    public static final String PROPERTY = "PaknPartnerAnswer";
    /** The exchange property naming the connector's key variable (headers named Pakn* do not reach the partner). */
    public static final String KEY_VARIABLE = "PaknAnswerKeyVariable";
    static final int KEPT_CHARS = 65536;

    /** {@code VALID}, {@code INVALID} or {@code ABSENT} (the partner did not sign, or the connector has no key). */
    public enum Signature {
        VALID, INVALID, ABSENT
    }

    private final ConnectorSigner signer;
    private final Clock clock;

    public PartnerAnswer(ConnectorSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /** Route step: the body is the partner's answer as a String. */
    public void keep(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        String answer = body == null ? "" : body;
        String signature = exchange.getMessage().getHeader(ConnectorSigner.SIGNATURE, String.class);
        String timestamp = exchange.getMessage().getHeader(ConnectorSigner.TIMESTAMP, String.class);
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("receivedAt", Instant.now(clock).toString());
        kept.put("httpStatus", exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class));
        kept.put("sha256", HexFormat.of().formatHex(Digests.sha256(answer.getBytes(StandardCharsets.UTF_8))));
        kept.put("body", answer.length() > KEPT_CHARS ? answer.substring(0, KEPT_CHARS) : answer);
        kept.put("truncated", answer.length() > KEPT_CHARS);
        kept.put("signature", signature);
        kept.put("signedAt", timestamp);
        kept.put("signatureCheck", check(exchange.getProperty(KEY_VARIABLE, String.class), timestamp, answer, signature).name());
        exchange.setProperty(PROPERTY, kept);
    }

    Signature check(String keyVariable, String timestamp, String body, String signature) {
        if (signature == null || timestamp == null || keyVariable == null || keyVariable.isBlank()) {
            return Signature.ABSENT;
        }
        return signer.verifies(keyVariable, timestamp, body, signature) ? Signature.VALID : Signature.INVALID;
    }
}
