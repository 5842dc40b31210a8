package vn.paknhub.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.paknhub.core.crypto.Digests;
import vn.paknhub.core.crypto.PersonalDataProtector;

/**
 * Content-addressed attachments: the same file sent twice is stored once, encrypted at rest with the
 * personal data's keys (a scanned letter or an ID card photo is personal data too).
 */
@Repository
public class AttachmentStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataProtector protector;

    public AttachmentStore(NamedParameterJdbcTemplate jdbc, PersonalDataProtector protector) {
        this.jdbc = jdbc;
        this.protector = protector;
    }

    /**
     * @param id      the attachment's number, by which a handling body downloads it
     * @param eventId the case event that brought it (the submission, a supplement), for the messages that
     *                carry that event's files; not shown
     */
    public record StoredAttachment(long id, String name, String mediaType, long size, String sha256,
            @com.fasterxml.jackson.annotation.JsonIgnore UUID eventId) {
    }

    void add(UUID caseId, IncomingAttachment a, UUID eventId, Instant at) {
        byte[] digest = Digests.sha256(a.content());
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("sha", digest)
                .addValue("size", (long) a.content().length).addValue("content", protector.encryptBytes(a.content()))
                .addValue("caseId", caseId).addValue("name", a.fileName()).addValue("type", a.mediaType())
                .addValue("eventId", eventId).addValue("at", Timestamp.from(at));
        jdbc.update("insert into attachment_blob (sha256, size, content_enc) values (:sha, :size, :content)"
                + " on conflict (sha256) do nothing", p);
        jdbc.update("""
                insert into case_attachment (case_id, sha256, file_name, media_type, size, event_id, added_at)
                values (:caseId, :sha, :name, :type, :size, :eventId, :at) on conflict do nothing""", p);
    }

    /** A stored file's bytes, by its SHA-256 (hex); empty when none is stored. */
    public java.util.Optional<byte[]> content(String sha256Hex) {
        return jdbc.query("select content_enc, content from attachment_blob where sha256 = :sha",
                new MapSqlParameterSource("sha", HexFormat.of().parseHex(sha256Hex)),
                (rs, i) -> rs.getBytes(1) != null ? protector.decryptBytes(rs.getBytes(1)) : rs.getBytes(2)).stream().findFirst();
    }

    /**
     * Encrypts files stored in clear before files were encrypted at rest, a batch at a time; the number
     * encrypted by this call (0 when none is left).
     */
    public int encryptStoredInClear(int batch) {
        record Clear(byte[] sha, byte[] content) {
        }
        List<Clear> clear = jdbc.query("select sha256, content from attachment_blob where content is not null limit :batch"
                + " for update skip locked", new MapSqlParameterSource("batch", batch),
                (rs, i) -> new Clear(rs.getBytes(1), rs.getBytes(2)));
        for (Clear c : clear) {
            jdbc.update("update attachment_blob set content_enc = :enc, content = null where sha256 = :sha",
                    new MapSqlParameterSource("sha", c.sha()).addValue("enc", protector.encryptBytes(c.content())));
        }
        return clear.size();
    }

    public List<StoredAttachment> of(UUID caseId) {
        return ofAll(List.of(caseId)).getOrDefault(caseId, List.of());
    }

    /** The attachments of many cases in one statement: case id → its attachments, cases without any left out. */
    public Map<UUID, List<StoredAttachment>> ofAll(Collection<UUID> caseIds) {
        Map<UUID, List<StoredAttachment>> found = new HashMap<>();
        if (caseIds.isEmpty()) {
            return found;
        }
        jdbc.query("""
                select case_id, id, file_name, media_type, size, sha256, event_id from case_attachment
                where case_id = any(cast(:ids as uuid[])) order by added_at, id""",
                new MapSqlParameterSource("ids", caseIds.stream().map(UUID::toString).toArray(String[]::new)),
                (RowCallbackHandler) rs -> found.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                        .add(new StoredAttachment(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                                HexFormat.of().formatHex(rs.getBytes(6)), rs.getObject(7, UUID.class))));
        return found;
    }

}
