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
    record Checkpoint(long id, long fromSealSeq, long toSealSeq, int seals, byte[] prevDigest, byte[] digest, String keyId,
            byte[] signature, Instant signedAt) {
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

    /** The last seal number no open transaction can write under; waits (at most 5 s) for those sealing now. */
    private Long lastSettledSeal() {
        return tx.execute(s -> {
            jdbc.getJdbcTemplate().execute("set local lock_timeout = '5s'");
            jdbc.queryForObject("select pg_advisory_xact_lock(" + Seals.LOCK + ")::text", new MapSqlParameterSource(), String.class);
            return jdbc.queryForObject("select max(seal_seq) from case_event_seal", new MapSqlParameterSource(), Long.class);
        });
    }

    /** Signs a checkpoint over the seals written since the last one, if any; the checkpoint made. */
    public Optional<Checkpoint> checkpoint() {
        Long settled = lastSettledSeal();
        if (settled == null) {
            return Optional.empty();
        }
        return tx.execute(s -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(" + CHECKPOINTER + ")",
                    new MapSqlParameterSource(), Boolean.class))) {
                return Optional.<Checkpoint>empty();
            }
            Optional<Checkpoint> last = all().stream().reduce((a, b) -> b);
            long from = last.map(Checkpoint::toSealSeq).orElse(0L);
            long to = settled;
            if (to <= from) {
                return Optional.<Checkpoint>empty();
            }
            byte[] prev = last.map(Checkpoint::digest).orElse(null);
            Range range = digest(prev, from, to);
            Instant at = clock.instant();
            SigningKeys.Signed signed = keys.sign(signedForm(from, to, range.seals(), range.digest()));
            long id = jdbc.queryForObject("""
                    insert into chain_checkpoint (from_seal_seq, to_seal_seq, seals, prev_digest, digest, key_id, signature,
                        signed_at) values (:from, :to, :seals, :prev, :digest, :key, :signature, :at) returning id""",
                    new MapSqlParameterSource("from", from).addValue("to", to).addValue("seals", range.seals())
                            .addValue("prev", prev).addValue("digest", range.digest()).addValue("key", signed.keyId())
                            .addValue("signature", signed.signature()).addValue("at", Timestamp.from(at)), Long.class);
            LOG.debug("Checkpoint {} signs {} seals ({}..{}]", id, range.seals(), from, to);
            return Optional.of(new Checkpoint(id, from, to, range.seals(), prev, range.digest(), signed.keyId(),
                    signed.signature(), at));
        });
    }

    record Range(int seals, byte[] digest) {
    }

    /** The digest of the seals in ({@code from}, {@code to}], chained to {@code prev}, from what the table holds now. */
    Range digest(byte[] prev, long from, long to) {
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
        return new Range(count[0], sha.digest());
    }

    /** What the signature covers: the range, the number of seals and the digest. */
    static byte[] signedForm(long from, long to, int seals, byte[] digest) {
        return ("pakn-hub/checkpoint/v1\n" + from + "\n" + to + "\n" + seals + "\n" + HexFormat.of().formatHex(digest))
                .getBytes(StandardCharsets.US_ASCII);
    }

    List<Checkpoint> all() {
        return jdbc.query("select id, from_seal_seq, to_seal_seq, seals, prev_digest, digest, key_id, signature, signed_at"
                + " from chain_checkpoint order by id", new MapSqlParameterSource(),
                (rs, i) -> new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getBytes(5),
                        rs.getBytes(6), rs.getString(7), rs.getBytes(8), rs.getTimestamp(9).toInstant()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
