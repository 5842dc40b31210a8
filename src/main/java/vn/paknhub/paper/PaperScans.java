package vn.paknhub.paper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.paknhub.core.crypto.Digests;
import vn.paknhub.core.crypto.PersonalDataProtector;
import vn.paknhub.core.crypto.Randomness;

/**
 * The stored scans of the paper channel: each kept once (by content, so the same file dropped
 * twice, on this node or another, is the same row), encrypted, with its text, what was read from
 * it, and what became of it. Reads by people are logged.
 */
@Repository
class PaperScans {

    static final String RECEIVED = "RECEIVED";
    static final String VERIFY = "VERIFY";
    static final String OPENED = "OPENED";
    static final String FAILED = "FAILED";
    /** A complaint or denunciation (Đ1.2): answered by letter, not opened as a case. */
    static final String REFUSED = "REFUSED";

    /** A stored scan as operators see it in lists. */
    record StoredScan(UUID id, String fileName, String mediaType, int sizeBytes, String registerNumber,
            OffsetDateTime receivedAt, String status, String reason, String caseCode, int attempts,
            OffsetDateTime createdAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataProtector protector;
    private final ObjectMapper json;
    private final Clock clock;

    PaperScans(NamedParameterJdbcTemplate jdbc, PersonalDataProtector protector, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.protector = protector;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps a scan as it arrived; a second copy of the same content finds the first. */
    StoredScan store(String fileName, String mediaType, byte[] scan, byte[] sidecar, String registerNumber,
            Instant receivedAt) {
        String hash = Digests.sha256Hex(scan);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into paper_scan (id, file_name, media_type, content_hash, content_enc, size_bytes, sidecar_enc,
                    register_number, received_at, status, created_at, updated_at)
                values (:id, :name, :type, :hash, :content, :size, :sidecar, :register, :received, 'RECEIVED', :now, :now)
                on conflict (content_hash) do nothing""",
                new MapSqlParameterSource("id", Randomness.uuid()).addValue("name", fileName).addValue("type", mediaType)
                        .addValue("hash", hash).addValue("content", protector.encryptBytes(scan))
                        .addValue("size", scan.length)
                        .addValue("sidecar", sidecar == null ? null : protector.encryptBytes(sidecar))
                        .addValue("register", registerNumber).addValue("received", Timestamp.from(receivedAt))
                        .addValue("now", now));
        return query("where content_hash = :hash", new MapSqlParameterSource("hash", hash)).get(0);
    }

    Optional<StoredScan> find(UUID id) {
        return query("where id = :id", new MapSqlParameterSource("id", id)).stream().findFirst();
    }

    /** The row, locked for the caller's transaction: two nodes never open one letter twice. */
    Optional<StoredScan> lock(UUID id) {
        return query("where id = :id for update", new MapSqlParameterSource("id", id)).stream().findFirst();
    }

    List<StoredScan> list(String status, int limit) {
        return query("where status = :status order by created_at limit :limit",
                new MapSqlParameterSource("status", status).addValue("limit", limit));
    }

    byte[] content(UUID id) {
        return protector.decryptBytes(jdbc.queryForObject("select content_enc from paper_scan where id = :id",
                new MapSqlParameterSource("id", id), byte[].class));
    }

    <T> Optional<T> read(UUID id, String column, Class<T> type) {
        byte[] enc = jdbc.queryForObject("select " + column + " from paper_scan where id = :id",
                new MapSqlParameterSource("id", id), byte[].class);
        if (enc == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(protector.decryptBytes(enc), type));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("paper scan " + id + ": unreadable " + column, e);
        }
    }

    /** What was read from the scan, and where it stands: VERIFY (with why), or OPENED (with the case). */
    void result(UUID id, String status, String reason, Object pages, Object letter, String caseCode) {
        jdbc.update("""
                update paper_scan set status = :status, reason = :reason, pages_enc = :pages, letter_enc = :letter,
                    case_code = :code, updated_at = :now where id = :id""",
                new MapSqlParameterSource("id", id).addValue("status", status).addValue("reason", reason)
                        .addValue("pages", encryptJson(pages)).addValue("letter", encryptJson(letter))
                        .addValue("code", caseCode).addValue("now", Timestamp.from(clock.instant())));
    }

    /** The printable acknowledgement letter, kept encrypted: it holds the only copy of the lookup secret. */
    void acknowledgement(UUID id, byte[] pdf) {
        jdbc.update("update paper_scan set acknowledgement_enc = :pdf where id = :id",
                new MapSqlParameterSource("id", id).addValue("pdf", protector.encryptBytes(pdf)));
    }

    Optional<byte[]> acknowledgement(UUID id) {
        byte[] enc = jdbc.queryForObject("select acknowledgement_enc from paper_scan where id = :id",
                new MapSqlParameterSource("id", id), byte[].class);
        return Optional.ofNullable(enc).map(protector::decryptBytes);
    }

    void failed(UUID id, String reason) {
        jdbc.update("update paper_scan set status = 'FAILED', reason = :reason, attempts = attempts + 1,"
                + " updated_at = :now where id = :id", new MapSqlParameterSource("id", id).addValue("reason", reason)
                        .addValue("now", Timestamp.from(clock.instant())));
    }

    /** A clerk's refusal of an out-of-scope letter, with the answer to post back (kept encrypted). */
    void refused(UUID id, String reason, String by, byte[] letter) {
        jdbc.update("""
                update paper_scan set status = 'REFUSED', reason = :reason, refused_by = :by, refused_at = :now,
                    acknowledgement_enc = :letter, updated_at = :now where id = :id""",
                new MapSqlParameterSource("id", id).addValue("reason", reason).addValue("by", by)
                        .addValue("letter", letter == null ? null : protector.encryptBytes(letter))
                        .addValue("now", Timestamp.from(clock.instant())));
    }

    /** The scan a paper case was opened from. */
    Optional<StoredScan> ofCase(String caseCode) {
        return query("where case_code = :code", new MapSqlParameterSource("code", caseCode)).stream().findFirst();
    }

    void released(UUID id, String by) {
        jdbc.update("update paper_scan set released_by = :by, released_at = :now where id = :id",
                new MapSqlParameterSource("id", id).addValue("by", by).addValue("now", Timestamp.from(clock.instant())));
    }

    /** Every read of a letter's image or text by a person (Đ17). */
    void logAccess(UUID id, String actor, String what) {
        jdbc.update("insert into paper_access (scan_id, actor, what, at) values (:id, :actor, :what, :now)",
                new MapSqlParameterSource("id", id).addValue("actor", actor).addValue("what", what)
                        .addValue("now", Timestamp.from(clock.instant())));
    }

    private byte[] encryptJson(Object value) {
        try {
            return value == null ? null : protector.encryptBytes(json.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<StoredScan> query(String where, MapSqlParameterSource params) {
        return jdbc.query("select id, file_name, media_type, size_bytes, register_number, received_at, status, reason,"
                + " case_code, attempts, created_at from paper_scan " + where, params, PaperScans::row);
    }

    private static StoredScan row(ResultSet rs, int i) throws SQLException {
        return new StoredScan(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getInt(10), rs.getObject(11, OffsetDateTime.class));
    }
}
