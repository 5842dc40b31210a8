package vn.paknhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import vn.paknhub.delivery.PartnerAnswer.Signature;

/** A partner's answer is kept as it came, its signature checked with the connector's key and the verdict said. */
class PartnerAnswerTest {

    private final ConnectorSigner signer = new ConnectorSigner(new MockEnvironment().withProperty("BXD_API_SIGNING_KEY",
            "khoa-bi-mat-cua-bo-xay-dung"), Clock.systemUTC());
    private final PartnerAnswer answers = new PartnerAnswer(signer, Clock.systemUTC());

    private Map<?, ?> keep(String body, String timestamp, String signature, String keyVariable) {
        Exchange e = new DefaultExchange(new DefaultCamelContext());
        e.getMessage().setBody(body);
        e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 201);
        if (signature != null) {
            e.getMessage().setHeader("X-Pakn-Signature", signature);
            e.getMessage().setHeader("X-Pakn-Timestamp", timestamp);
        }
        e.setProperty(PartnerAnswer.KEY_VARIABLE, keyVariable);
        answers.keep(e);
        return e.getProperty(PartnerAnswer.PROPERTY, Map.class);
    }

    @Test
    void a_signed_answer_holds_an_altered_one_does_not_and_an_unsigned_one_is_said_unsigned() {
        String body = "{\"status\":\"received\",\"ticket\":\"BXD-000042\",\"ghiChu\":\"Đã tiếp nhận\"}";
        String signature = ConnectorSigner.signature(signer.keyFor("BXD_API_SIGNING_KEY"), "1796025600", body);

        Map<?, ?> kept = keep(body, "1796025600", signature, "BXD_API_SIGNING_KEY");
        assertThat(kept.get("signatureCheck")).isEqualTo("VALID");
        assertThat(kept.get("body")).isEqualTo(body);
        assertThat(kept.get("httpStatus")).isEqualTo(201);
        assertThat(kept.get("signedAt")).isEqualTo("1796025600");

        assertThat(keep(body.replace("000042", "000043"), "1796025600", signature, "BXD_API_SIGNING_KEY")
                .get("signatureCheck")).isEqualTo("INVALID");
        assertThat(keep(body, "1796025601", signature, "BXD_API_SIGNING_KEY").get("signatureCheck")).isEqualTo("INVALID");
        assertThat(keep(body, null, null, "BXD_API_SIGNING_KEY").get("signatureCheck")).isEqualTo("ABSENT");
        assertThat(keep(body, "1796025600", signature, null).get("signatureCheck")).isEqualTo("ABSENT");
        assertThat(answers.check("BXD_API_SIGNING_KEY", "1796025600", body, "sha256=00")).isEqualTo(Signature.INVALID);
    }

    @Test
    void a_long_answer_is_kept_up_to_its_limit_and_said_so() {
        String body = "x".repeat(PartnerAnswer.KEPT_CHARS + 10);
        Map<?, ?> kept = keep(body, null, null, null);
        assertThat((String) kept.get("body")).hasSize(PartnerAnswer.KEPT_CHARS);
        assertThat(kept.get("truncated")).isEqualTo(true);
        assertThat((String) kept.get("sha256")).hasSize(64);
    }
}
