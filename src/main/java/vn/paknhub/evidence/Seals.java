package vn.paknhub.evidence;

import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Seals case events as they are written, in their transaction. No lock is taken on the cases (a seal
 * does not depend on the one before it), only a shared advisory lock that tells a checkpoint when every
 * transaction sealing before it has ended.
 */
@Repository
public class Seals {

    /** Held shared by every transaction that seals, exclusively by the checkpoint reading where its range ends. */
    static final long LOCK = 0x5041_4b4e_5345_414cL;
    private static final String HOLD = "pg_advisory_xact_lock_shared(" + LOCK + ")";

    private final NamedParameterJdbcTemplate jdbc;

    public Seals(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the shared lock for this transaction: what it writes falls inside the next checkpoint, never a past one. */
    public static void holdForCheckpoint(NamedParameterJdbcTemplate jdbc) {
        jdbc.queryForObject("select " + HOLD + "::text", new MapSqlParameterSource(), String.class);
    }

    /**
     * The sequence numbers of {@code count} events about to be written, in order, drawn under the shared
     * lock (one round trip): the events' seals will cover their places in the history.
     */
    public List<Long> numbers(int count) {
        return jdbc.queryForList("select nextval(pg_get_serial_sequence('case_event', 'seq')) from (select"
                + " " + HOLD + ") as sealing, generate_series(1, :n) order by 1",
                new MapSqlParameterSource("n", count), Long.class);
    }

    /** Seals events written in this transaction, after {@link #numbers(int)} gave them their numbers. */
    public void seal(List<EventDigest.Content> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into case_event_seal (event_id, case_id, hash) values (:event, :case, :hash)",
                events.stream().map(e -> new MapSqlParameterSource("event", e.eventId()).addValue("case", e.caseId())
                        .addValue("hash", EventDigest.of(e))).toArray(MapSqlParameterSource[]::new));
    }

    /** Events written before events were sealed, read in their order and sealed; the number sealed. */
    int sealUnsealed(int limit) {
        List<EventDigest.Content> unsealed = jdbc.query("""
                select e.event_id, e.case_id, e.action, e.from_state, e.to_state, e.actor_kind, e.actor_id, e.reason,
                    e.details::text, e.public, e.occurred_at, e.seq
                from case_event e where not exists (select 1 from case_event_seal s where s.event_id = e.event_id)
                order by e.seq limit :limit""", new MapSqlParameterSource("limit", limit), EvidenceVerifier.CONTENT);
        holdForCheckpoint(jdbc);
        seal(unsealed);
        return unsealed.size();
    }
}
