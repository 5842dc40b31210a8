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

    private final NamedParameterJdbcTemplate jdbc;

    public Seals(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Seals events in the order given (a case's events in the order they happened). */
    public void seal(List<EventDigest.Content> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.queryForObject("select pg_advisory_xact_lock_shared(" + LOCK + ")::text", new MapSqlParameterSource(), String.class);
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
        seal(unsealed);
        return unsealed.size();
    }
}
