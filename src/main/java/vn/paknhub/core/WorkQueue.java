package vn.paknhub.core;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The hub's one durable work queue: rows of a table that must each be done once, by any node, however
 * often nodes die. Deliveries to partners, notifications to submitters and daily reports to bodies are
 * such tables, and so are stored mails whose reading failed; each has the same columns ({@code id, status,
 * attempts, next_attempt_at, lease_until, last_error}) and the same life:
 *
 * <ol>
 * <li><b>claim</b>: due rows ({@code PENDING}, {@code next_attempt_at} passed, no live lease) are taken
 *     with {@code FOR UPDATE SKIP LOCKED} (nodes never wait for each other nor take the same row) and get a
 *     lease and one more attempt counted, in one statement; a node that dies leaves its lease to expire;</li>
 * <li><b>done</b>: the row gets its final status;</li>
 * <li><b>retry later</b>: back to due at a time of {@link Backoff}, with the error;</li>
 * <li><b>park</b>: after the last attempt, or a refusal that no retry will change: kept with its reason;</li>
 * <li><b>replay</b>: an operator sends a parked row again with a fresh budget.</li>
 * </ol>
 */
public final class WorkQueue {

    public static final String PENDING = "PENDING";
    public static final String PARKED = "PARKED";

    private final NamedParameterJdbcTemplate jdbc;
    private final String table;
    private final String pending;
    private final String done;
    private final String parked;
    /** Extra assignments made on every change (e.g. {@code , updated_at = now()}), or empty. */
    private final String touch;

    /**
     * @param table   the queue's table
     * @param done    the status of a row done ({@code DELIVERED}, {@code SENT})
     * @param touched a column set to {@code now()} on every change, or null
     */
    public WorkQueue(NamedParameterJdbcTemplate jdbc, String table, String done, String touched) {
        this(jdbc, table, PENDING, done, PARKED, touched);
    }

    /** A queue whose table names its states in its own words ({@code RECEIVED}, {@code QUARANTINED}). */
    public WorkQueue(NamedParameterJdbcTemplate jdbc, String table, String pending, String done, String parked,
            String touched) {
        this.jdbc = jdbc;
        this.table = table;
        this.pending = "'" + pending + "'";
        this.done = "'" + done + "'";
        this.parked = "'" + parked + "'";
        this.touch = touched == null ? "" : ", " + touched + " = now()";
    }

    /** The due rows, oldest first, as a sub-select of ids for {@link #claim(String, String, MapSqlParameterSource, RowMapper)}. */
    public String dueIds() {
        return "select id from " + table + " where status = " + pending + " and next_attempt_at <= now()"
                + " and (lease_until is null or lease_until < now()) order by next_attempt_at limit :limit for update skip locked";
    }

    /**
     * Claims the rows {@code candidates} selects (a sub-select of ids locked with {@code SKIP LOCKED}, taking
     * {@code :limit}; {@link #dueIds()} for the plain case): each gets a lease of {@code :lease} seconds and
     * one more attempt, and comes back with the {@code returning} columns.
     */
    public <T> List<T> claim(String candidates, String returning, MapSqlParameterSource params, RowMapper<T> rows) {
        return jdbc.query("update " + table + " q set lease_until = now() + make_interval(secs => :lease),"
                + " attempts = q.attempts + 1" + touch + " where q.id in (" + candidates + ") returning " + returning,
                params, rows);
    }

    public <T> List<T> claimDue(int limit, int leaseSeconds, String returning, RowMapper<T> rows) {
        return claim(dueIds(), returning, new MapSqlParameterSource("limit", limit).addValue("lease", leaseSeconds), rows);
    }

    /** Marks rows done in one round trip, with extra assignments ({@code , sent_at = now()}); the number done. */
    public int done(List<UUID> ids, String extraAssignments) {
        return jdbc.update("update " + table + " set status = " + done + ", lease_until = null, last_error = null"
                + touch + extraAssignments + " where id = any(cast(:ids as uuid[])) and status = " + pending,
                new MapSqlParameterSource("ids", ids.stream().map(UUID::toString).toArray(String[]::new)));
    }

    public void retryLater(UUID id, String error, Instant next) {
        jdbc.update("update " + table + " set last_error = :error, next_attempt_at = :next, lease_until = null" + touch
                + " where id = :id and status = " + pending,
                new MapSqlParameterSource("id", id).addValue("error", error).addValue("next", Timestamp.from(next)));
    }

    public void park(UUID id, String reason) {
        jdbc.update("update " + table + " set status = " + parked + ", last_error = :reason, lease_until = null" + touch
                + " where id = :id and status = " + pending, new MapSqlParameterSource("id", id).addValue("reason", reason));
    }

    /** Sends a parked row again, with a fresh retry budget; false when it is not parked. */
    public boolean replay(UUID id) {
        return jdbc.update("update " + table + " set status = " + pending + ", attempts = 0, next_attempt_at = now(),"
                + " lease_until = null" + touch + " where id = :id and status = " + parked, new MapSqlParameterSource("id", id)) == 1;
    }

    /** The parked rows, the longest parked first, with the columns {@code returning} names. */
    public <T> List<T> parked(String returning, String orderBy, int limit, RowMapper<T> rows) {
        return jdbc.query("select " + returning + " from " + table + " where status = " + parked + " order by " + orderBy
                + " limit :limit", new MapSqlParameterSource("limit", limit), rows);
    }
}
