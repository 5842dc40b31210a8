package vn.paknhub.identity;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.paknhub.core.crypto.Digests;

/**
 * Bearer tokens of the agency systems named in the configuration, kept only as SHA-256 hashes so that
 * neither configuration files nor environment dumps reveal a usable token; brought into the credential
 * store at start-up ({@code identity.MachineCredentials}), where they are rotated and revoked. Map keys are agency codes (case-insensitive,
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

    /** The configured hashes by agency code; the hub brings them into its credential store at start-up. */
    public Map<String, byte[]> hashes() {
        return Map.copyOf(hashes);
    }

    public static byte[] sha256(String token) {
        return Digests.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}
