package vn.paknhub.evidence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shows, for one case or all, that the history is as it was written: every event sealed, every seal's
 * event present and unchanged in content and place, and every signed checkpoint
 * still matching the seals it covers with a valid signature of the hub's key.
 */
@Component
public class EvidenceVerifier {

    /**
     * What was found wrong, where: {@code kind} one of altered (content or place in the history changed),
     * missing, unsealed, checkpoint.
     */
    public record Problem(String caseCode, String eventId, String kind, String detail) {
    }

    public record Report(boolean intact, int cases, int events, int checkpoints, List<Problem> problems, Instant checkedAt) {
    }

    static final RowMapper<EventDigest.Content> CONTENT = (rs, i) -> new EventDigest.Content(rs.getLong(12), rs.getObject(1, UUID.class),
            rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getString(9), rs.getBoolean(10), rs.getTimestamp(11).toInstant());

    private final NamedParameterJdbcTemplate jdbc;
    private final Checkpoints checkpoints;
    private final SigningKeys keys;
    private final Clock clock;

    EvidenceVerifier(NamedParameterJdbcTemplate jdbc, Checkpoints checkpoints, SigningKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.clock = clock;
    }

    /** One case's chain (by its code), and the checkpoints that signed any of its seals. */
    public Report verifyCase(String code) {
        MapSqlParameterSource params = new MapSqlParameterSource("code", code);
        List<Long> sealNumbers = jdbc.queryForList("select seal_seq from case_event_seal"
                + " where case_id = (select id from case_file where code = :code)", params, Long.class);
        return verify("where coalesce(e.case_id, s.case_id) = (select id from case_file where code = :code)", params,
                c -> sealNumbers.stream().anyMatch(n -> n > c.fromSealSeq() && n <= c.toSealSeq()));
    }

    public Report verifyAll() {
        return verify("", new MapSqlParameterSource(), c -> true);
    }

    private Report verify(String where, MapSqlParameterSource params, java.util.function.Predicate<Checkpoints.Checkpoint> covering) {
        List<Problem> problems = new ArrayList<>();
        int[] counts = {0, 0};
        ChainWalk walk = new ChainWalk(problems);
        jdbc.query("""
                select e.event_id, coalesce(e.case_id, s.case_id), e.action, e.from_state, e.to_state, e.actor_kind, e.actor_id,
                    e.reason, e.details::text, e.public, e.occurred_at, e.seq, s.event_id, s.hash, f.code
                from case_event e full join case_event_seal s on s.event_id = e.event_id
                left join case_file f on f.id = coalesce(e.case_id, s.case_id)
                """ + where + " order by coalesce(e.case_id, s.case_id), s.seal_seq nulls last, e.seq", params,
                (RowCallbackHandler) rs -> {
                    if (walk.next(rs.getObject(2, UUID.class), rs.getString(15))) {
                        counts[0]++;
                    }
                    counts[1]++;
                    UUID eventId = rs.getObject(1, UUID.class);
                    UUID sealed = rs.getObject(13, UUID.class);
                    if (eventId == null) {
                        walk.problem(sealed, "missing", "the sealed event is no longer in the history");
                    } else if (sealed == null) {
                        walk.problem(eventId, "unsealed", "an event without a seal: not written by the hub");
                    } else {
                        if (!Arrays.equals(EventDigest.of(CONTENT.mapRow(rs, 0)), rs.getBytes(14))) {
                            walk.problem(eventId, "altered", "the event's content differs from what was sealed");
                        }
                    }
                });
        List<Checkpoints.Checkpoint> all = checkpoints.all();
        byte[] prev = null;
        long prevTo = 0;
        long prevAccessTo = 0;
        int checked = 0;
        for (Checkpoints.Checkpoint c : all) {
            if (!covering.test(c)) {
                prev = c.digest();
                prevTo = c.toSealSeq();
                prevAccessTo = c.toAccessId();
                continue;
            }
            checked++;
            Checkpoints.Range now = checkpoints.digest(c.prevDigest(), c.fromSealSeq(), c.toSealSeq(), c.fromAccessId(),
                    c.toAccessId());
            String where2 = "checkpoint " + c.id() + " (seals " + c.fromSealSeq() + ".." + c.toSealSeq() + ")";
            if (c.fromSealSeq() != prevTo || c.fromAccessId() != prevAccessTo || !Arrays.equals(c.prevDigest(), prev)) {
                problems.add(new Problem(null, null, "checkpoint", where2 + ": not chained to the checkpoint before it"));
            }
            if (now.seals() != c.seals() || !Arrays.equals(now.digest(), c.digest())) {
                problems.add(new Problem(null, null, "checkpoint", where2
                        + ": the seals or access-log rows it signed were changed, added or removed"));
            }
            if (!keys.verify(c.keyId(), Checkpoints.signedForm(c.fromSealSeq(), c.toSealSeq(), c.seals(), c.digest(),
                    c.fromAccessId(), c.toAccessId()), c.signature())) {
                problems.add(new Problem(null, null, "checkpoint", where2 + ": its signature does not verify with key " + c.keyId()));
            }
            prev = c.digest();
            prevTo = c.toSealSeq();
            prevAccessTo = c.toAccessId();
        }
        return new Report(problems.isEmpty(), counts[0], counts[1], checked, List.copyOf(problems), clock.instant());
    }

    /** Follows the rows case by case, counting cases and naming each problem's case. */
    private static final class ChainWalk {
        private final List<Problem> problems;
        private UUID caseId;
        private String code;

        ChainWalk(List<Problem> problems) {
            this.problems = problems;
        }

        /** Moves to the row's case; true when it is a new one. */
        boolean next(UUID rowCase, String rowCode) {
            if (rowCase.equals(caseId)) {
                return false;
            }
            caseId = rowCase;
            code = rowCode;
            return true;
        }

        void problem(UUID eventId, String kind, String detail) {
            problems.add(new Problem(code, eventId == null ? null : eventId.toString(), kind, detail));
        }
    }
}
