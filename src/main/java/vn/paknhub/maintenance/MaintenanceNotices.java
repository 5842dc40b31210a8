package vn.paknhub.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.paknhub.core.calendar.AnnouncedMaintenance;
import vn.paknhub.core.calendar.WorkingCalendar;

/**
 * The maintenance windows and incidents operators announced (Đ16), in PostgreSQL: every node's
 * calendar reads the windows from here at each count, so an announcement moves deadlines at once.
 */
@Repository
public class MaintenanceNotices implements AnnouncedMaintenance {

    public enum Kind { MAINTENANCE, INCIDENT }

    /** How much notice the regulation asks (Đ16.2), or an incident, announced when it happens (Đ16.4). */
    public enum Notice { PLANNED, URGENT, SECURITY, INCIDENT }

    /** A notice as the public and the operators see it; {@code endsAt} is null for an incident still going on. */
    public record Announced(UUID id, Kind kind, Notice notice, Instant startsAt, Instant endsAt, String titleVi,
            String messageVi, String messageEn, Instant announcedAt, String source) {
    }

    private static final String COLUMNS = "id, kind, notice, starts_at, ends_at, title_vi, message_vi, message_en,"
            + " announced_at, source";

    private final NamedParameterJdbcTemplate jdbc;

    MaintenanceNotices(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkingCalendar.MaintenanceWindow> windows() {
        return jdbc.query("select starts_at, ends_at from maintenance_notice where kind = 'MAINTENANCE'",
                (rs, i) -> new WorkingCalendar.MaintenanceWindow(rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2).toInstant()));
    }

    void insert(Announced n, String by) {
        jdbc.update("""
                insert into maintenance_notice (id, kind, notice, starts_at, ends_at, title_vi, message_vi, message_en,
                    announced_at, announced_by, source)
                values (:id, :kind, :notice, :starts, :ends, :title, :vi, :en, :at, :by, :source)""", params(n, by));
    }

    /** The windows of the operators' seed file, copied once so they are published like the others. */
    int seed(Announced n) {
        return jdbc.update("""
                insert into maintenance_notice (id, kind, notice, starts_at, ends_at, title_vi, message_vi, message_en,
                    announced_at, announced_by, source)
                values (:id, :kind, :notice, :starts, :ends, :title, :vi, :en, :at, :by, :source)
                on conflict (starts_at, ends_at) where source = 'FILE' do nothing""", params(n, "seed file"));
    }

    private static MapSqlParameterSource params(Announced n, String by) {
        return new MapSqlParameterSource("id", n.id()).addValue("kind", n.kind().name())
                .addValue("notice", n.notice().name()).addValue("starts", Timestamp.from(n.startsAt()))
                .addValue("ends", n.endsAt() == null ? null : Timestamp.from(n.endsAt()))
                .addValue("title", n.titleVi()).addValue("vi", n.messageVi()).addValue("en", n.messageEn())
                .addValue("at", Timestamp.from(n.announcedAt())).addValue("by", by).addValue("source", n.source());
    }

    /** The notices not over before {@code since} (the public's "current and coming"), soonest first. */
    public List<Announced> notOverBefore(Instant since) {
        return jdbc.query("select " + COLUMNS + " from maintenance_notice where coalesce(ends_at, 'infinity') >= :since"
                + " order by starts_at, announced_at", new MapSqlParameterSource("since", Timestamp.from(since)),
                (rs, i) -> row(rs));
    }

    public Optional<Announced> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from maintenance_notice where id = :id",
                new MapSqlParameterSource("id", id), (rs, i) -> row(rs)).stream().findFirst();
    }

    private static Announced row(ResultSet rs) throws SQLException {
        Timestamp ends = rs.getTimestamp(5);
        return new Announced(rs.getObject(1, UUID.class), Kind.valueOf(rs.getString(2)), Notice.valueOf(rs.getString(3)),
                rs.getTimestamp(4).toInstant(), ends == null ? null : ends.toInstant(), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10));
    }
}
