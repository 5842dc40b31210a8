package vn.paknhub.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The API keys of Open311 client applications. Not machine credentials: those are a body's and open
 * the agency API, while a civic-report app may only post items and follow its own; so a key of its
 * own, kept as a SHA-256 hash the same way, shown once, revoked at once.
 */
@Repository
public class Open311Clients {

    public record Client(long id, String name, OffsetDateTime createdAt, String createdBy, OffsetDateTime revokedAt) {
    }

    public record Issued(Client client, String apiKey) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final NamedParameterJdbcTemplate jdbc;

    Open311Clients(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Issued issue(String name, String by) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String key = "o311_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long id = jdbc.queryForObject("insert into open311_client (name, key_hash, created_by) values (:name, :hash, :by)"
                + " returning id", new MapSqlParameterSource("name", name).addValue("hash", hash(key)).addValue("by", by),
                Long.class);
        return new Issued(list().stream().filter(c -> c.id() == id).findFirst().orElseThrow(), key);
    }

    /** The client whose key this is, unless revoked. */
    public Optional<Long> find(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        return jdbc.queryForList("select id from open311_client where key_hash = :hash and revoked_at is null",
                new MapSqlParameterSource("hash", hash(apiKey.strip())), Long.class).stream().findFirst();
    }

    public List<Client> list() {
        return jdbc.query("select id, name, created_at, created_by, revoked_at from open311_client order by id",
                (rs, i) -> new Client(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class)));
    }

    public boolean revoke(long id, String by) {
        return jdbc.update("update open311_client set revoked_at = now(), revoked_by = :by where id = :id"
                + " and revoked_at is null", new MapSqlParameterSource("id", id).addValue("by", by)) == 1;
    }

    void recordRequest(String code, long client) {
        jdbc.update("insert into open311_request (case_code, client_id) values (:code, :client) on conflict do nothing",
                new MapSqlParameterSource("code", code).addValue("client", client));
    }

    private static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
