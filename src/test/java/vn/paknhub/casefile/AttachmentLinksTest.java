package vn.paknhub.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import vn.paknhub.core.crypto.DataKeys;

/** Signed download links: issued for one file, one body and a period; anything else is refused. */
class AttachmentLinksTest {

    private static final String MASTER = Base64.getEncoder().encodeToString(new byte[32]);
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final AttachmentLinks.Settings SETTINGS = new AttachmentLinks.Settings(1024, Duration.ofDays(7),
            "https://pakn-hub.example.gov.vn/");

    private static AttachmentLinks at(Instant now, String master) {
        return new AttachmentLinks(DataKeys.withoutStore(master), SETTINGS, Clock.fixed(now, ZoneOffset.UTC),
                new MockEnvironment());
    }

    private static Map<String, String> query(String href) {
        Map<String, String> q = new HashMap<>();
        for (String pair : URI.create(href).getQuery().split("&")) {
            q.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return q;
    }

    @Test
    void a_link_holds_for_its_file_and_body_until_it_expires() {
        AttachmentLinks.Link link = at(NOW, MASTER).issue("SKGP-20261207-000001", 42, "BKHCN");
        assertThat(link.href()).startsWith("https://pakn-hub.example.gov.vn/api/v1/agency/cases/SKGP-20261207-000001/attachments/42?");
        assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        long expires = Long.parseLong(query(link.href()).get("expires"));
        String signature = query(link.href()).get("signature");

        assertThat(at(NOW, MASTER).refusal("SKGP-20261207-000001", 42, "BKHCN", expires, signature)).isNull();
        assertThat(at(NOW, MASTER).refusal("SKGP-20261207-000001", 42, "bkhcn", expires, signature)).isNull();
        assertThat(at(NOW.plus(Duration.ofDays(7)), MASTER).refusal("SKGP-20261207-000001", 42, "BKHCN", expires, signature))
                .isNull();
        // another body, another file, another case, a longer life, a later day, another hub's key
        assertThat(at(NOW, MASTER).refusal("SKGP-20261207-000001", 42, "BYT", expires, signature)).isEqualTo("signature");
        assertThat(at(NOW, MASTER).refusal("SKGP-20261207-000001", 43, "BKHCN", expires, signature)).isEqualTo("signature");
        assertThat(at(NOW, MASTER).refusal("SKGP-20261207-000002", 42, "BKHCN", expires, signature)).isEqualTo("signature");
        assertThat(at(NOW, MASTER).refusal("SKGP-20261207-000001", 42, "BKHCN", expires + 86400, signature))
                .isEqualTo("signature");
        assertThat(at(NOW.plus(Duration.ofDays(7)).plusSeconds(1), MASTER).refusal("SKGP-20261207-000001", 42, "BKHCN",
                expires, signature)).isEqualTo("expired");
        String otherMaster = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        assertThat(at(NOW, otherMaster).refusal("SKGP-20261207-000001", 42, "BKHCN", expires, signature))
                .isEqualTo("signature");
        assertThat(at(NOW, MASTER).refusal("SKGP-20261207-000001", 42, "BKHCN", expires, null)).isEqualTo("signature");
    }

    @Test
    void without_the_hubs_public_address_no_link_is_issued() {
        AttachmentLinks noAddress = new AttachmentLinks(DataKeys.withoutStore(MASTER),
                new AttachmentLinks.Settings(1024, Duration.ofDays(7), ""), Clock.fixed(NOW, ZoneOffset.UTC),
                new MockEnvironment());
        assertThatThrownBy(() -> noAddress.issue("SKGP-20261207-000001", 1, "BKHCN"))
                .hasMessageContaining("HUB_DELIVERY_FILES_LINK_BASE_URL");
    }
}
