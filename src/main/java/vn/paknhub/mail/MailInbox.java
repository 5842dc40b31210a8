package vn.paknhub.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.paknhub.core.WorkQueue;
import vn.paknhub.core.crypto.Digests;
import vn.paknhub.core.crypto.PersonalDataProtector;
import vn.paknhub.core.crypto.Randomness;
import vn.paknhub.core.text.VietnameseText;

/**
 * The stored mails of the email channel: each kept once (by Message-ID, or by content when it has
 * none, so a mail polled again, by this node or another, is the same row), encrypted, with what
 * became of it. A mail whose reading failed waits in the hub's work queue ({@link WorkQueue}: lease,
 * back-off, quarantine as its parking) to be read again from these bytes, not in the mailbox.
 */
@Component
public class MailInbox {

    public static final String RECEIVED = "RECEIVED";
    public static final String PROCESSED = "PROCESSED";
    public static final String QUARANTINED = "QUARANTINED";

    /**
     * A stored mail as operators see it; {@code raw} only when asked for (its read is logged). {@code subject} is
     * the decoded subject ("" when the mail has none, null for a mail stored before subjects were kept and not
     * yet filled in); the sender is not shown, only searched by (its keyed hash).
     */
    public record StoredMail(UUID id, String messageId, int sizeBytes, OffsetDateTime receivedAt, String status,
            String outcome, String outcomeReason, String caseCode, int attempts, String lastError, String subject) {

        /**
         * Set aside without a case: held in quarantine, taken for a robot's, refused as out of scope, or answered as
         * a resend of an earlier item. A person may still judge it an item of its own and open a case from it.
         */
        public boolean openableAsCase() {
            return QUARANTINED.equals(status) || (PROCESSED.equals(status)
                    && (MailIntake.Outcome.NOT_ANSWERED.name().equals(outcome)
                    || MailIntake.Outcome.OUT_OF_SCOPE.name().equals(outcome)
                    || MailIntake.Outcome.DUPLICATE.name().equals(outcome)));
        }
    }

    /** A stored mail due to be read again. */
    public record Due(UUID id, int attempts, byte[] raw) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataProtector protector;
    private final Clock clock;
    private final WorkQueue queue;

    MailInbox(NamedParameterJdbcTemplate jdbc, PersonalDataProtector protector, Clock clock) {
        this.jdbc = jdbc;
        this.protector = protector;
        this.clock = clock;
        this.queue = new WorkQueue(jdbc, "mail_message", RECEIVED, PROCESSED, QUARANTINED, null);
    }

    /** Keeps a mail as fetched (a second copy finds the first) and returns its row. */
    public StoredMail store(byte[] raw, MailHeaders headers) {
        String key = headers.messageId() != null ? "id:" + headers.messageId() : "sha256:" + Digests.sha256Hex(raw);
        jdbc.update("""
                insert into mail_message (id, dedupe_key, message_id, sender_hash, raw_enc, size_bytes, received_at, status,
                    subject, subject_folded)
                values (:id, :key, :messageId, :sender, :raw, :size, :at, 'RECEIVED', :subject, :folded)
                on conflict (dedupe_key) do nothing""",
                new MapSqlParameterSource("id", Randomness.uuid()).addValue("key", key).addValue("messageId", headers.messageId())
                        .addValue("sender", headers.sender() == null ? null : protector.lookupHash(headers.sender()))
                        .addValue("raw", protector.encryptBytes(raw)).addValue("size", raw.length)
                        .addValue("at", Timestamp.from(clock.instant())).addValue("subject", headers.subject())
                        .addValue("folded", VietnameseText.fold(headers.subject())));
        return query("where dedupe_key = :key for update", new MapSqlParameterSource("key", key)).get(0);
    }

    /** One more failed fetch (or store) of a mail still in the mailbox, by its key there; the attempts so far. */
    public int fetchFailed(String mailboxKey, String error) {
        return jdbc.queryForObject("""
                insert into mail_fetch_failure (mailbox_key, attempts, last_error, first_failed_at, last_failed_at)
                values (:key, 1, :error, :at, :at)
                on conflict (mailbox_key) do update set attempts = mail_fetch_failure.attempts + 1,
                    last_error = excluded.last_error, last_failed_at = excluded.last_failed_at
                returning attempts""", new MapSqlParameterSource("key", mailboxKey).addValue("error", error)
                .addValue("at", Timestamp.from(clock.instant())), Integer.class);
    }

    public void fetchSucceeded(String mailboxKey) {
        jdbc.update("delete from mail_fetch_failure where mailbox_key = :key", new MapSqlParameterSource("key", mailboxKey));
    }

    /**
     * Keeps in quarantine what could be had of a mail that could not be fetched or stored as it came (its bytes,
     * or only its header lines), with the reason; its failure count is dropped. The row's id.
     */
    public UUID storeUnfetched(String mailboxKey, byte[] bytes, MailHeaders headers, int attempts, String error) {
        String key = "mailbox:" + mailboxKey;
        jdbc.update("""
                insert into mail_message (id, dedupe_key, message_id, sender_hash, raw_enc, size_bytes, received_at, status,
                    attempts, last_error, subject, subject_folded)
                values (:id, :key, :messageId, :sender, :raw, :size, :at, 'QUARANTINED', :attempts, :error, :subject, :folded)
                on conflict (dedupe_key) do nothing""",
                new MapSqlParameterSource("id", Randomness.uuid()).addValue("key", key)
                        .addValue("messageId", headers.messageId())
                        .addValue("sender", headers.sender() == null ? null : protector.lookupHash(headers.sender()))
                        .addValue("raw", protector.encryptBytes(bytes)).addValue("size", bytes.length)
                        .addValue("at", Timestamp.from(clock.instant())).addValue("attempts", attempts)
                        .addValue("error", error).addValue("subject", headers.subject())
                        .addValue("folded", VietnameseText.fold(headers.subject())));
        fetchSucceeded(mailboxKey);
        return jdbc.queryForObject("select id from mail_message where dedupe_key = :key",
                new MapSqlParameterSource("key", key), UUID.class);
    }

    /** The row, locked for the caller's transaction: two nodes never process one mail at once. */
    public Optional<StoredMail> lock(UUID id) {
        return query("where id = :id for update", new MapSqlParameterSource("id", id)).stream().findFirst();
    }

    public Optional<StoredMail> find(UUID id) {
        return query("where id = :id", new MapSqlParameterSource("id", id)).stream().findFirst();
    }

    /**
     * What the operators look for in the mails: by status, by what became of them, by sender (the exact address,
     * matched through its keyed hash: addresses are not kept in clear), by words of the subject (diacritics and
     * case ignored), by time of receipt; newest first.
     */
    public record Search(String status, String outcome, String sender, String subject, OffsetDateTime since,
            OffsetDateTime until) {
    }

    /** One page of a search, and the cursor of the next (null on the last page). */
    public record Page(List<StoredMail> mails, String next) {
    }

    /**
     * One page of at most {@code limit} mails after {@code cursor} (null: the first page). The cursor names the
     * last mail of the previous page (its time of receipt and id), so a page never repeats nor skips a mail
     * when new ones arrive meanwhile.
     */
    public Page search(Search q, int limit, String cursor) {
        StringBuilder where = new StringBuilder("where true");
        MapSqlParameterSource p = new MapSqlParameterSource("limit", limit + 1);
        if (q.status() != null) {
            where.append(" and status = :status");
            p.addValue("status", q.status());
        }
        if (q.outcome() != null) {
            where.append(" and outcome = :outcome");
            p.addValue("outcome", q.outcome());
        }
        if (q.sender() != null) {
            where.append(" and sender_hash = :sender");
            p.addValue("sender", protector.lookupHash(q.sender().strip().toLowerCase(java.util.Locale.ROOT)));
        }
        if (q.subject() != null) {
            where.append(" and subject_folded like :subject escape '\\'");
            p.addValue("subject", "%" + VietnameseText.fold(q.subject()).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (q.since() != null) {
            where.append(" and received_at >= :since");
            p.addValue("since", q.since());
        }
        if (q.until() != null) {
            where.append(" and received_at < :until");
            p.addValue("until", q.until());
        }
        if (cursor != null) {
            Cursor c = Cursor.of(cursor);
            where.append(" and (received_at, id) < (:afterAt, :afterId)");
            p.addValue("afterAt", c.receivedAt()).addValue("afterId", c.id());
        }
        List<StoredMail> found = query(where + " order by received_at desc, id desc limit :limit", p);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        StoredMail last = found.get(limit - 1);
        return new Page(found.subList(0, limit), new Cursor(last.receivedAt(), last.id()).token());
    }

    /** Where a page ended: the last mail's time of receipt and id, as an opaque token. */
    record Cursor(OffsetDateTime receivedAt, UUID id) {

        String token() {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString((receivedAt + "|" + id)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static Cursor of(String token) {
            try {
                String[] parts = new String(java.util.Base64.getUrlDecoder().decode(token), java.nio.charset.StandardCharsets.UTF_8)
                        .split("\\|");
                return new Cursor(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException malformed) {
                throw vn.paknhub.core.problem.ApiProblem.invalid("cursor", "cursor", "Con trỏ trang không hợp lệ; dùng"
                        + " liên kết rel=\"next\" của trang trước.", "The page cursor is not valid; use the previous page's"
                        + " rel=\"next\" link.");
            }
        }
    }

    /**
     * Fills in the subject of up to {@code limit} mails stored before subjects were kept, from their stored bytes;
     * the number filled (0 once there are none left).
     */
    public int fillMissingSubjects(int limit) {
        List<Object[]> rows = jdbc.query("select id, raw_enc from mail_message where subject is null limit :limit"
                + " for update skip locked", new MapSqlParameterSource("limit", limit),
                (rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getBytes(2)});
        for (Object[] row : rows) {
            String subject = MailHeaders.of(protector.decryptBytes((byte[]) row[1])).subject();
            jdbc.update("update mail_message set subject = :subject, subject_folded = :folded where id = :id",
                    new MapSqlParameterSource("id", row[0]).addValue("subject", subject)
                            .addValue("folded", VietnameseText.fold(subject)));
        }
        return rows.size();
    }

    public List<StoredMail> withStatus(String status, int limit) {
        return query("where status = :status order by received_at desc limit :limit",
                new MapSqlParameterSource("status", status).addValue("limit", limit));
    }

    /** Processed mails by what became of them (MailIntake.Outcome), newest first. */
    public List<StoredMail> withOutcome(String outcome, int limit) {
        return query("where status = 'PROCESSED' and outcome = :outcome order by received_at desc limit :limit",
                new MapSqlParameterSource("outcome", outcome).addValue("limit", limit));
    }

    /** The mail as it arrived; the read is recorded with who made it and why. */
    public byte[] raw(UUID id, String actor, String why) {
        recordAccess(id, actor, why);
        return protector.decryptBytes(jdbc.queryForObject("select raw_enc from mail_message where id = :id",
                new MapSqlParameterSource("id", id), byte[].class));
    }

    public void processed(UUID id, String outcome, String reason, String caseCode) {
        jdbc.update("""
                update mail_message set status = 'PROCESSED', outcome = :outcome, outcome_reason = :reason,
                    case_code = :code, last_error = null, processed_at = :at where id = :id""",
                new MapSqlParameterSource("id", id).addValue("outcome", outcome).addValue("reason", reason)
                        .addValue("code", caseCode).addValue("at", Timestamp.from(clock.instant())));
    }

    /** One more failed attempt, with its reason; the number of attempts so far. */
    public int failed(UUID id, String error) {
        return jdbc.queryForObject("update mail_message set attempts = attempts + 1, last_error = :error where id = :id"
                + " returning attempts", new MapSqlParameterSource("id", id).addValue("error", error), Integer.class);
    }

    /** Parks the mail with its reason (the last error, or why it is held). */
    public void quarantine(UUID id, String reason) {
        queue.park(id, reason);
    }

    /** To be read again from its stored bytes after {@code wait}. */
    public void retryAfter(UUID id, String error, Duration wait) {
        queue.retryLater(id, error, clock.instant().plus(wait));
    }

    /** Stored mails due to be read again, each leased to this node and counted as one more attempt. */
    public List<Due> claimDue(int limit, int leaseSeconds) {
        return queue.claimDue(limit, leaseSeconds, "q.id, q.attempts, q.raw_enc",
                (rs, i) -> new Due(rs.getObject(1, UUID.class), rs.getInt(2), protector.decryptBytes(rs.getBytes(3))));
    }

    /** The case an earlier stored mail opened, among the Message-IDs a reply refers to. */
    public Optional<String> caseOfMessages(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.queryForList("select case_code from mail_message where message_id = any(cast(:ids as text[]))"
                + " and case_code is not null order by received_at limit 1",
                new MapSqlParameterSource("ids", messageIds.toArray(String[]::new)), String.class).stream().findFirst();
    }

    /** Automatic answers other than receipts (refusals, limits) sent to one sender within {@code window}. */
    public int answersToSender(String sender, Duration window) {
        return fromSender(sender, window, "outcome in ('OUT_OF_SCOPE', 'TOO_LARGE', 'REPLY_REFUSED', 'DUPLICATE')"
                + " and outcome_reason not like 'unanswered:%'");
    }

    /** Items from one sender that opened a case within {@code window}. */
    public int casesFromSender(String sender, Duration window) {
        return fromSender(sender, window, "outcome = 'CASE_OPENED'");
    }

    private int fromSender(String sender, Duration window, String which) {
        return jdbc.queryForObject("select count(*) from mail_message where sender_hash = :sender and " + which
                + " and received_at > :since", new MapSqlParameterSource("sender", protector.lookupHash(sender))
                        .addValue("since", Timestamp.from(clock.instant().minus(window))), Integer.class);
    }

    /** Logs who read a stored mail or acted on it (Đ17). */
    private void recordAccess(UUID id, String actor, String action) {
        jdbc.update("insert into mail_access (mail_id, actor, action, at) values (:id, :actor, :action, :at)",
                new MapSqlParameterSource("id", id).addValue("actor", actor).addValue("action", action)
                        .addValue("at", Timestamp.from(clock.instant())));
    }

    private List<StoredMail> query(String where, MapSqlParameterSource params) {
        return jdbc.query("select id, message_id, size_bytes, received_at, status, outcome, outcome_reason, case_code,"
                + " attempts, last_error, subject from mail_message " + where, params,
                (rs, i) -> new StoredMail(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getInt(9), rs.getString(10), rs.getString(11)));
    }

}
