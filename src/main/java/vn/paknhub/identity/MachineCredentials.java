package vn.paknhub.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.paknhub.identity.AgencyCredentials;
import vn.paknhub.casefile.CaseSettings;

/**
 * The machine credentials of partner systems and bodies (opaque bearer tokens), kept as SHA-256 hashes
 * in the database and checked by Spring Security's bearer-token filter through this introspector. A
 * token is shown once, when issued; rotation issues a new one and lets the old one live for a grace
 * period; revocation takes effect on every node within {@link #REMEMBERED} — no restart.
 */
@Component
public class MachineCredentials implements OpaqueTokenIntrospector {

    /** The principal's attributes: the body's code and the credential's number. */
    public static final String AGENCY = "agency";
    public static final String CREDENTIAL = "credential";
    public static final String ROLE_AGENCY = "ROLE_AGENCY";
    public static final String ROLE_CENTRAL_OFFICE = "ROLE_CENTRAL_OFFICE";
    /** A token found valid is taken on trust this long before it is looked up again. */
    static final Duration REMEMBERED = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(MachineCredentials.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an operator sees of a credential: never the token. */
    public record Credential(long id, String agency, String label, OffsetDateTime createdAt, String createdBy,
            OffsetDateTime expiresAt, OffsetDateTime revokedAt, String revokedBy, String revokeReason,
            OffsetDateTime lastUsedAt) {
    }

    /** A credential just issued, with its token, shown this once. */
    public record Issued(Credential credential, String token) {
    }

    private record Known(long id, String agency, long until) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final String centralOffice;
    private final java.time.ZoneId zone;
    private final Clock clock;
    private final Map<String, Known> remembered = new ConcurrentHashMap<>();

    MachineCredentials(NamedParameterJdbcTemplate jdbc, AgencyCredentials configured, CaseSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.centralOffice = settings.centralOffice();
        this.zone = settings.timeZone();
        this.clock = clock;
        int brought = 0;
        for (Map.Entry<String, byte[]> e : configured.hashes().entrySet()) {
            brought += jdbc.update("insert into machine_credential (agency, label, token_hash, created_by)"
                    + " values (:agency, 'cấu hình / configuration', :hash, 'configuration') on conflict (token_hash) do nothing",
                    new MapSqlParameterSource("agency", e.getKey()).addValue("hash", e.getValue()));
        }
        if (brought > 0) {
            LOG.info("Machine credentials: {} brought in from the configuration (HUB_AGENCIES_TOKENHASHES_*)", brought);
        }
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        String hash = HexFormat.of().formatHex(AgencyCredentials.sha256(token.trim()));
        long now = clock.instant().toEpochMilli(); // the hub's clock ticks in microseconds, which Clock.millis() cannot
        Known known = remembered.get(hash);
        if (known == null || known.until() < now) {
            known = lookUp(hash, now).orElse(null);
            if (known == null) {
                remembered.remove(hash);
                throw new BadOpaqueTokenException("unknown, expired or revoked credential");
            }
            remembered.put(hash, known);
        }
        List<GrantedAuthority> roles = known.agency().equals(centralOffice)
                ? List.of(new SimpleGrantedAuthority(ROLE_AGENCY), new SimpleGrantedAuthority(ROLE_CENTRAL_OFFICE))
                : List.of(new SimpleGrantedAuthority(ROLE_AGENCY));
        return new OAuth2IntrospectionAuthenticatedPrincipal(known.agency(),
                Map.of(AGENCY, known.agency(), CREDENTIAL, known.id()), roles);
    }

    private Optional<Known> lookUp(String hashHex, long now) {
        MapSqlParameterSource p = new MapSqlParameterSource("hash", HexFormat.of().parseHex(hashHex))
                .addValue("now", Timestamp.from(Instant.ofEpochMilli(now)));
        Optional<Known> found = jdbc.query("select id, agency from machine_credential where token_hash = :hash"
                + " and revoked_at is null and (expires_at is null or expires_at > :now)", p,
                (rs, i) -> new Known(rs.getLong(1), rs.getString(2), now + REMEMBERED.toMillis())).stream().findFirst();
        found.ifPresent(k -> jdbc.update("update machine_credential set last_used_at = :now where id = :id",
                p.addValue("id", k.id())));
        return found;
    }

    public List<Credential> list(String agency) {
        return jdbc.query("select * from machine_credential where (cast(:agency as text) is null or agency = :agency)"
                + " order by agency, id", new MapSqlParameterSource("agency", agency), (rs, i) -> new Credential(
                        rs.getLong("id"), rs.getString("agency"), rs.getString("label"), at(rs.getTimestamp("created_at")),
                        rs.getString("created_by"), at(rs.getTimestamp("expires_at")), at(rs.getTimestamp("revoked_at")),
                        rs.getString("revoked_by"), rs.getString("revoke_reason"), at(rs.getTimestamp("last_used_at"))));
    }

    private Credential one(long id) {
        return list(null).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    /** A new token for {@code agency}; the token is returned once and only its hash is kept. */
    @Transactional
    public Issued issue(String agency, String label, Instant expiresAt, String by) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Long id = jdbc.queryForObject("insert into machine_credential (agency, label, token_hash, created_by, expires_at)"
                + " values (:agency, :label, :hash, :by, :expires) returning id", new MapSqlParameterSource("agency",
                        agency.toUpperCase(Locale.ROOT)).addValue("label", label).addValue("hash", AgencyCredentials.sha256(token))
                        .addValue("by", by).addValue("expires", expiresAt == null ? null : Timestamp.from(expiresAt)), Long.class);
        return new Issued(one(id), token);
    }

    /** Stops a credential at once (on every node within {@link #REMEMBERED}); false when it was already stopped. */
    @Transactional
    public boolean revoke(long id, String by, String reason) {
        boolean done = jdbc.update("update machine_credential set revoked_at = now(), revoked_by = :by, revoke_reason = :reason"
                + " where id = :id and revoked_at is null", new MapSqlParameterSource("id", id).addValue("by", by)
                        .addValue("reason", reason)) == 1;
        remembered.clear();
        return done;
    }

    /** A new token for the same body and purpose; the old one keeps working for {@code grace}, then expires. */
    @Transactional
    public Issued rotate(long id, Duration grace, String by) {
        Credential old = one(id);
        Issued fresh = issue(old.agency(), old.label(), old.expiresAt() == null ? null : old.expiresAt().toInstant(), by);
        jdbc.update("update machine_credential set expires_at = least(coalesce(expires_at, :until), :until) where id = :id",
                new MapSqlParameterSource("id", id).addValue("until", Timestamp.from(clock.instant().plus(grace))));
        remembered.clear();
        return fresh;
    }

    public boolean exists(long id) {
        return !jdbc.queryForList("select 1 from machine_credential where id = :id", new MapSqlParameterSource("id", id),
                Integer.class).isEmpty();
    }

    private OffsetDateTime at(Timestamp t) {
        return t == null ? null : t.toInstant().atZone(zone).toOffsetDateTime();
    }
}
