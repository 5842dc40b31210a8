package vn.paknhub.statistics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.paknhub.bus.CaseEventMessage;
import vn.paknhub.bus.ConsumerInbox;

/**
 * Daily counts of case events per body, channel and outcome: the raw material of the Đ14.3
 * statistics. A count applied twice would be wrong, so each event is applied in one transaction
 * with its dedupe record.
 */
@Component
public class CaseEventTally {

    static final String CONSUMER = "statistics";

    private final NamedParameterJdbcTemplate jdbc;
    private final ConsumerInbox inbox;
    private final ObjectMapper json;

    public CaseEventTally(NamedParameterJdbcTemplate jdbc, ConsumerInbox inbox, ObjectMapper json) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.json = json;
    }

    /** Thrown for a message that no retry can fix; the route parks it. */
    static class MalformedEvent extends RuntimeException {
        MalformedEvent(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    @Transactional
    public void apply(String payload) {
        CaseEventMessage e = parse(payload);
        if (!inbox.firstDelivery(CONSUMER, e.eventId().toString())) {
            return;
        }
        jdbc.update("""
                insert into case_event_tally (day, agency, channel, action, to_state, events)
                values (:day, :agency, :channel, :action, :toState, 1)
                on conflict (day, agency, channel, action, to_state) do update set events = case_event_tally.events + 1""",
                new MapSqlParameterSource("day", Date.valueOf(e.occurredAt().toLocalDate()))
                        .addValue("agency", e.assignedAgency() == null ? "" : e.assignedAgency())
                        .addValue("channel", e.channel()).addValue("action", e.action())
                        .addValue("toState", e.toState()));
    }

    public void park(String payload, String key, Exception cause) {
        inbox.park(CONSUMER, "case-events", key, payload, cause.getMessage());
    }

    private CaseEventMessage parse(String payload) {
        try {
            CaseEventMessage e = json.readValue(payload, CaseEventMessage.class);
            if (e.eventId() == null || e.occurredAt() == null || e.action() == null || e.toState() == null) {
                throw new MalformedEvent("case event lacks eventId, occurredAt, action or toState", null);
            }
            return e;
        } catch (JsonProcessingException ex) {
            throw new MalformedEvent("not a case event: " + ex.getOriginalMessage(), ex);
        }
    }
}
