package vn.paknhub.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.paknhub.casefile.ActionInput;
import vn.paknhub.core.WorkQueue;
import vn.paknhub.core.crypto.PersonalDataProtector;

/** The notification records: planned once per case event and channel, claimed by nodes with SKIP LOCKED and a lease. */
@Repository
public class Notifications {

    public enum Channel {
        EMAIL, SMS,
        /**
         * A printed letter for a submitter the hub can reach only by post (no e-mail, no phone: a paper letter's
         * writer), laid out as the paper acknowledgement; made for the templates that have a {@code .letter.txt}.
         */
        LETTER
    }

    /**
     * A message due: about a case (its submitter is the recipient), or an answer to a mail that opened
     * none ({@code recipient}); {@code values} fill template placeholders beyond the case's own.
     */
    public record Notification(UUID id, UUID eventId, String caseCode, Channel channel, String template, int attempts,
            String recipient, Map<String, String> values, String inReplyTo) {
    }

    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataProtector protector;
    private final ObjectMapper json;
    private final WorkQueue queue;

    public Notifications(NamedParameterJdbcTemplate jdbc, PersonalDataProtector protector, ObjectMapper json) {
        this.jdbc = jdbc;
        this.protector = protector;
        this.json = json;
        this.queue = new WorkQueue(jdbc, "notification", "SENT", null);
    }

    /**
     * Plans one email in the caller's transaction, once per {@code eventId}: to the case's submitter
     * when {@code recipient} is null, else to {@code recipient} (an answer to a mail that opened no
     * case). {@code values} (e.g. the lookup secret of a receipt) and the address are kept encrypted;
     * {@code inReplyTo} threads the answer onto the person's own mail.
     */
    public void planMessage(UUID eventId, String caseCode, String template, String recipient, Map<String, String> values,
            String inReplyTo) {
        try {
            jdbc.update("""
                    insert into notification (id, event_id, case_code, channel, template, status, next_attempt_at,
                        created_at, recipient_enc, values_enc, in_reply_to)
                    values (gen_random_uuid(), :event, :code, 'EMAIL', :template, 'PENDING', now(), now(), :recipient,
                        :values, :inReplyTo)
                    on conflict (event_id, channel) do nothing""",
                    new MapSqlParameterSource("event", eventId).addValue("code", caseCode).addValue("template", template)
                            .addValue("recipient", recipient == null ? null : protector.encrypt(recipient))
                            .addValue("values", protector.encrypt(json.writeValueAsString(values)))
                            .addValue("inReplyTo", inReplyTo));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Whether the event's step is one its submitter is told of: all are, unless the step says it is not (a hold whose
     * reason must not reach its writer, Đ20). Most events say nothing, and are told.
     */
    public boolean submitterToBeTold(UUID eventId) {
        Boolean told = jdbc.query("select (details ->> :key)::boolean from case_event where event_id = :event",
                new MapSqlParameterSource("event", eventId).addValue("key", ActionInput.TELL_SUBMITTER),
                rs -> rs.next() ? (Boolean) rs.getObject(1) : null);
        return told == null || told;
    }

    /**
     * Plans the message for a case event on each channel the submitter can be reached by (an email
     * address, a phone number), in the caller's transaction; a second plan of the same event adds nothing.
     */
    public int plan(UUID eventId, String caseCode, String template, List<Channel> channels) {
        return jdbc.update("""
                insert into notification (id, event_id, case_code, channel, template, status, next_attempt_at, created_at)
                select gen_random_uuid(), :event, f.code, c.channel, :template, 'PENDING', now(), now()
                from case_file f cross join lateral (values ('EMAIL', f.submitter_email_enc is not null),
                                                            ('SMS', f.submitter_phone_enc is not null),
                                                            ('LETTER', f.submitter_email_enc is null
                                                                and f.submitter_phone_enc is null)) as c (channel, reachable)
                where f.code = :code and c.reachable and c.channel = any(cast(:channels as text[]))
                on conflict (event_id, channel) do nothing""",
                new MapSqlParameterSource("event", eventId).addValue("code", caseCode).addValue("template", template)
                        .addValue("channels", channels.stream().map(Channel::name).toArray(String[]::new)));
    }

    public List<Notification> claimDue(int limit, int leaseSeconds) {
        return queue.claimDue(limit, leaseSeconds,
                "q.id, q.event_id, q.case_code, q.channel, q.template, q.attempts, q.recipient_enc, q.values_enc, q.in_reply_to",
                (rs, i) -> new Notification(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        Channel.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6),
                        rs.getBytes(7) == null ? null : protector.decrypt(rs.getBytes(7)), values(rs.getBytes(8)),
                        rs.getString(9)));
    }

    private Map<String, String> values(byte[] encrypted) {
        try {
            return encrypted == null ? Map.of() : json.readValue(protector.decrypt(encrypted), VALUES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification values are not JSON", e);
        }
    }

    /** The case of the earliest of these notifications that was about one: a reply to a mail the hub sent. */
    public Optional<String> caseOfSent(List<UUID> notificationIds) {
        if (notificationIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.queryForList("select case_code from notification where id = any(cast(:ids as uuid[]))"
                + " and case_code is not null order by created_at limit 1", new MapSqlParameterSource("ids",
                notificationIds.stream().map(UUID::toString).toArray(String[]::new)), String.class).stream().findFirst();
    }

    /** Marks the notifications sent, in one round trip. */
    public void markSent(List<UUID> ids) {
        queue.done(ids, ", sent_at = now()");
    }

    public void retryLater(UUID id, String error, Instant next) {
        queue.retryLater(id, error, next);
    }

    public void park(UUID id, String error) {
        queue.park(id, error);
    }

    /** Sends a parked notification again with a fresh budget; false when it is not parked. */
    public boolean replay(UUID id) {
        return queue.replay(id);
    }

    /** A parked notification as operators see it: no recipient, no personal data. */
    public record Parked(UUID id, String caseCode, String channel, String template, int attempts, String lastError) {
    }

    public List<Parked> parked(int limit) {
        return queue.parked("id, case_code, channel, template, attempts, last_error", "created_at", limit,
                (rs, i) -> new Parked(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6)));
    }
}
