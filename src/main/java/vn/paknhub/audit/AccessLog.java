package vn.paknhub.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import vn.paknhub.evidence.Seals;

/**
 * The access log (Đ17): one row per request to the agency and operator APIs, append-only, written under
 * the same shared lock as case-event seals so that the signed checkpoints cover it too.
 */
@Repository
public class AccessLog {

    /** One request as the log keeps it. */
    public record Entry(long id, OffsetDateTime at, String actor, String method, String path, String query, int status,
            String address) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    AccessLog(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    void record(String actor, String method, String path, String query, int status, String address) {
        tx.executeWithoutResult(s -> {
            Seals.holdForCheckpoint(jdbc);
            jdbc.update("insert into access_log (at, actor, method, path, query, status, address)"
                    + " values (:at, :actor, :method, :path, :query, :status, :address)",
                    new MapSqlParameterSource("at", Timestamp.from(clock.instant())).addValue("actor", actor)
                            .addValue("method", method).addValue("path", path).addValue("query", query)
                            .addValue("status", status).addValue("address", address));
        });
    }

    /** A request refused before any API answered it (an unknown, expired or revoked credential). */
    public void recordRefused(String actor, String method, String path, String query, int status, String address) {
        try {
            record(actor, method, path, query, status, address);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AccessLog.class).warn("Refused access not logged ({} {}): {}", method, path,
                    e.toString());
        }
    }

    public List<Entry> find(String actor, Instant from, Instant to, int limit) {
        return jdbc.query("select id, at, actor, method, path, query, status, address from access_log"
                + " where (cast(:actor as text) is null or actor = :actor) and at >= :from and at < :to"
                + " order by id desc limit :limit", new MapSqlParameterSource("actor", actor)
                        .addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)).addValue("limit", limit),
                (rs, i) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8)));
    }
}
