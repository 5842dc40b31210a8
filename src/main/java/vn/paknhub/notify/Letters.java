package vn.paknhub.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.paknhub.core.crypto.PersonalDataProtector;

/**
 * Printed letters waiting to be posted to submitters reachable only by post (Đ5.2, Đ13.2, Đ20b, Đ11.2b): kept
 * encrypted (a letter carries its writer's name and address), listed for the clerks of the Central Party Office's
 * mail room, marked posted by whoever posted them. One per notification: a retried send keeps the first.
 */
@Repository
public class Letters {

    public record Waiting(UUID id, String caseCode, String template, Instant createdAt, Instant postedAt, String postedBy) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataProtector protector;

    Letters(NamedParameterJdbcTemplate jdbc, PersonalDataProtector protector) {
        this.jdbc = jdbc;
        this.protector = protector;
    }

    void keep(UUID notification, String caseCode, String template, byte[] pdf) {
        jdbc.update("""
                insert into notification_letter (notification_id, case_code, template, pdf_enc, created_at)
                values (:id, :code, :template, :pdf, now()) on conflict (notification_id) do nothing""",
                new MapSqlParameterSource("id", notification).addValue("code", caseCode).addValue("template", template)
                        .addValue("pdf", protector.encryptBytes(pdf)));
    }

    /** Letters not yet posted (or all), oldest first. */
    public List<Waiting> list(boolean postedToo, int limit) {
        return jdbc.query("select notification_id, case_code, template, created_at, posted_at, posted_by"
                + " from notification_letter where :all or posted_at is null order by created_at limit :limit",
                new MapSqlParameterSource("all", postedToo).addValue("limit", limit), (rs, i) -> new Waiting(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6)));
    }

    public Optional<Waiting> find(UUID id) {
        return jdbc.query("select notification_id, case_code, template, created_at, posted_at, posted_by"
                + " from notification_letter where notification_id = :id", Map.of("id", id), (rs, i) -> new Waiting(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .stream().findFirst();
    }

    public byte[] pdf(UUID id) {
        return protector.decryptBytes(jdbc.queryForObject("select pdf_enc from notification_letter where notification_id = :id",
                Map.of("id", id), byte[].class));
    }

    /** Marks the letter posted; false when it already was (the first poster's name stays). */
    public boolean posted(UUID id, String by) {
        return jdbc.update("update notification_letter set posted_at = :at, posted_by = :by where notification_id = :id"
                + " and posted_at is null", new MapSqlParameterSource("id", id).addValue("by", by)
                .addValue("at", Timestamp.from(Instant.now()))) == 1;
    }
}
