package vn.paknhub.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints of the seals of every case, in the order they were written: each covers the seals
 * written since the one before, chains its digest to that one's, and is signed with the hub's key. One
 * node makes each (a transaction-scoped advisory lock). Its range ends at a seal number no transaction
 * still open can fall under: every transaction that seals holds a shared lock ({@link Seals#LOCK}) until
 * it ends, and the checkpoint reads the last seal number under the same lock held exclusively, which it
 * gets only once those transactions have ended; seals written after are numbered above.
 */
@Component
public class Checkpoints {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private static final long CHECKPOINTER = 0x5041_4b4e_4556_4944L;

    /** A signed checkpoint as stored. */
    public record Checkpoint(long id, long fromSealSeq, long toSealSeq, int seals, byte[] prevDigest, byte[] digest, String keyId,
            byte[] signature, Instant signedAt, long fromAccessId, long toAccessId) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final SigningKeys keys;
    private final TransactionTemplate tx;
    private final Clock clock;

    Checkpoints(NamedParameterJdbcTemplate jdbc, SigningKeys keys, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * The last seal number and access-log id no open transaction can write under; waits (at most 5 s) for
     * those writing now.
     */
    private long[] lastSettled() {
        return tx.execute(s -> {
            jdbc.getJdbcTemplate().execute("set local lock_timeout = '5s'");
            jdbc.queryForObject("select pg_advisory_xact_lock(" + Seals.LOCK + ")::text", new MapSqlParameterSource(), String.class);
            return jdbc.queryForObject("select coalesce((select max(seal_seq) from case_event_seal), 0),"
                    + " coalesce((select max(id) from access_log), 0)", new MapSqlParameterSource(),
                    (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
        });
    }

    /** Signs a checkpoint over the seals written since the last one, if any; the checkpoint made. */
    public Optional<Checkpoint> checkpoint() {
        long[] settled = lastSettled();
        return tx.execute(s -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(" + CHECKPOINTER + ")",
                    new MapSqlParameterSource(), Boolean.class))) {
                return Optional.<Checkpoint>empty();
            }
            Optional<Checkpoint> last = all().stream().reduce((a, b) -> b);
            long from = last.map(Checkpoint::toSealSeq).orElse(0L);
            long to = Math.max(from, settled[0]);
            long fromAccess = last.map(Checkpoint::toAccessId).orElse(0L);
            long toAccess = Math.max(fromAccess, settled[1]);
            if (to == from && toAccess == fromAccess) {
                return Optional.<Checkpoint>empty();
            }
            byte[] prev = last.map(Checkpoint::digest).orElse(null);
            Range range = digest(prev, from, to, fromAccess, toAccess);
            Instant at = clock.instant();
            SigningKeys.Signed signed = keys.sign(signedForm(from, to, range.seals(), range.digest(), fromAccess, toAccess));
            long id = jdbc.queryForObject("""
                    insert into chain_checkpoint (from_seal_seq, to_seal_seq, seals, prev_digest, digest, key_id, signature,
                        signed_at, from_access_id, to_access_id)
                    values (:from, :to, :seals, :prev, :digest, :key, :signature, :at, :fromAccess, :toAccess) returning id""",
                    new MapSqlParameterSource("from", from).addValue("to", to).addValue("seals", range.seals())
                            .addValue("prev", prev).addValue("digest", range.digest()).addValue("key", signed.keyId())
                            .addValue("signature", signed.signature()).addValue("at", Timestamp.from(at))
                            .addValue("fromAccess", fromAccess).addValue("toAccess", toAccess), Long.class);
            LOG.debug("Checkpoint {} signs {} seals ({}..{}] and access-log rows ({}..{}]", id, range.seals(), from, to,
                    fromAccess, toAccess);
            return Optional.of(new Checkpoint(id, from, to, range.seals(), prev, range.digest(), signed.keyId(),
                    signed.signature(), at, fromAccess, toAccess));
        });
    }

    record Range(int seals, byte[] digest) {
    }

    /**
     * The digest of the seals in ({@code from}, {@code to}] and the access-log rows in ({@code fromAccess},
     * {@code toAccess}], chained to {@code prev}, from what the tables hold now.
     */
    Range digest(byte[] prev, long from, long to, long fromAccess, long toAccess) {
        MessageDigest sha = sha256();
        sha.update("pakn-hub/checkpoint/v1".getBytes(StandardCharsets.US_ASCII));
        if (prev != null) {
            sha.update(prev);
        }
        int[] count = {0};
        jdbc.query("select seal_seq, hash from case_event_seal where seal_seq > :from and seal_seq <= :to order by seal_seq",
                new MapSqlParameterSource("from", from).addValue("to", to), (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    sha.update(ByteBuffer.allocate(8).putLong(rs.getLong(1)).array());
                    sha.update(rs.getBytes(2));
                    count[0]++;
                });
        if (toAccess > fromAccess) {
            sha.update("access-log".getBytes(StandardCharsets.US_ASCII));
            jdbc.query("select id, at, actor, method, path, query, status, address from access_log"
                    + " where id > :from and id <= :to order by id",
                    new MapSqlParameterSource("from", fromAccess).addValue("to", toAccess),
                    (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                        StringBuilder row = new StringBuilder();
                        for (String v : new String[] {rs.getString(1),
                            Long.toString(java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, rs.getTimestamp(2).toInstant())),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)}) {
                            row.append('\n').append(v == null ? "-" : v.length() + ":" + v);
                        }
                        sha.update(row.toString().getBytes(StandardCharsets.UTF_8));
                    });
        }
        return new Range(count[0], sha.digest());
    }

    /** What the signature covers: the ranges, the number of seals and the digest. */
    static byte[] signedForm(long from, long to, int seals, byte[] digest, long fromAccess, long toAccess) {
        return ("pakn-hub/checkpoint/v1\n" + from + "\n" + to + "\n" + seals + "\n" + HexFormat.of().formatHex(digest)
                + (toAccess > 0 ? "\naccess-log\n" + fromAccess + "\n" + toAccess : "")).getBytes(StandardCharsets.US_ASCII);
    }

    List<Checkpoint> all() {
        return jdbc.query("select id, from_seal_seq, to_seal_seq, seals, prev_digest, digest, key_id, signature, signed_at,"
                + " from_access_id, to_access_id from chain_checkpoint order by id", new MapSqlParameterSource(),
                (rs, i) -> new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getBytes(5),
                        rs.getBytes(6), rs.getString(7), rs.getBytes(8), rs.getTimestamp(9).toInstant(), rs.getLong(10),
                        rs.getLong(11)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
