package vn.paknhub.casefile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.paknhub.core.crypto.DataKeys;

/**
 * Expiring, signed download links to a case's files, for the partner systems that take a file by
 * reference rather than inline (a Kafka topic's claim check, a file too large to carry in the message).
 * A link names the case, the attachment and the body it was issued to, and expires; the signature
 * (HMAC-SHA256 with the hub's file-link key) makes it unforgeable and unalterable, and the download
 * still asks for that body's own credential: a link copied to someone else opens nothing.
 */
@Component
public class AttachmentLinks {

    /**
     * @param inlineMaxBytes how many bytes of files one message carries inline (base64); the files beyond
     *                       go as links
     * @param linkTtl        how long a link stays valid; every retry of a delivery issues fresh ones
     * @param linkBaseUrl    the address at which partner systems reach the hub's agency API, e.g.
     *                       https://pakn-hub.example.gov.vn; links cannot be issued without it
     */
    @ConfigurationProperties("hub.delivery.files")
    public record Settings(@DefaultValue("2097152") long inlineMaxBytes, @DefaultValue("7d") Duration linkTtl,
            @DefaultValue("") String linkBaseUrl) {
    }

    /** A link as issued: where, and until when. */
    public record Link(String href, Instant expiresAt) {
    }

    private final DataKeys keys;
    private final Settings settings;
    private final Clock clock;
    private final Environment env;

    public AttachmentLinks(DataKeys keys, Settings settings, Clock clock, Environment env) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.env = env;
    }

    public Settings settings() {
        return settings;
    }

    /** A link to one file of one case for one body, valid from now for the configured time. */
    public Link issue(String caseCode, long attachmentId, String agency) {
        // read when used: on the development hub the address names the port the server took at start-up
        String base = env.getProperty("hub.delivery.files.link-base-url", settings.linkBaseUrl()).strip();
        if (base.isEmpty()) {
            throw new IllegalStateException("hub.delivery.files.link-base-url (HUB_DELIVERY_FILES_LINK_BASE_URL) is not"
                    + " set: a file that does not fit inline cannot be sent as a link");
        }
        Instant expires = clock.instant().plus(settings.linkTtl()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String href = base.replaceAll("/+$", "") + "/api/v1/agency/cases/" + caseCode + "/attachments/" + attachmentId
                + "?expires=" + expires.getEpochSecond() + "&signature="
                + signature(caseCode, attachmentId, agency, expires.getEpochSecond());
        return new Link(href, expires);
    }

    /** Why a presented link does not hold, or null when it does (issued to {@code agency}, not expired, unaltered). */
    public String refusal(String caseCode, long attachmentId, String agency, long expires, String signature) {
        byte[] expected = signature(caseCode, attachmentId, agency, expires).getBytes(StandardCharsets.US_ASCII);
        if (signature == null || !MessageDigest.isEqual(expected, signature.toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII))) {
            return "signature";
        }
        return clock.instant().getEpochSecond() > expires ? "expired" : null;
    }

    private String signature(String caseCode, long attachmentId, String agency, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.fileLinkKey());
            return HexFormat.of().formatHex(mac.doFinal((caseCode + "\n" + attachmentId + "\n"
                    + agency.toUpperCase(Locale.ROOT) + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
