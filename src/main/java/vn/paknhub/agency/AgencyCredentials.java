package vn.paknhub.agency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.paknhub.core.crypto.Digests;

/**
 * Bearer tokens of the agency systems, kept only as SHA-256 hashes so that neither configuration
 * files nor environment dumps reveal a usable token. Map keys are agency codes (case-insensitive,
 * because environment variables arrive lower-cased through relaxed binding).
 */
@ConfigurationProperties("hub.agencies")
public class AgencyCredentials {

    private final Map<String, byte[]> hashes = new LinkedHashMap<>();

    public AgencyCredentials(@DefaultValue Map<String, String> tokenHashes) {
        tokenHashes.forEach((agency, hex) -> {
            if (hex != null && !hex.isBlank()) {
                hashes.put(agency.toUpperCase(Locale.ROOT), HexFormat.of().parseHex(hex.trim().toLowerCase(Locale.ROOT)));
            }
        });
    }

    /** The agency a token belongs to; every configured hash is compared in constant time. */
    public Optional<String> agencyFor(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        byte[] presented = sha256(token.trim());
        String match = null;
        for (Map.Entry<String, byte[]> e : hashes.entrySet()) {
            if (MessageDigest.isEqual(presented, e.getValue())) {
                match = e.getKey();
            }
        }
        return Optional.ofNullable(match);
    }

    public static byte[] sha256(String token) {
        return Digests.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}
