package vn.paknhub.statistics;

import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.paknhub.bus.CaseEventMessage;
import vn.paknhub.bus.ConsumerInbox;

/**
 * Daily counts of case events per body, channel and outcome: the raw material of the Đ14.3
 * statistics; and per person or body acting ({@link OfficerActions}). A count applied twice would be wrong, so a whole poll of events is applied in one
 * transaction together with their dedupe records; one transaction per poll rather than per event
 * lets the tally keep pace with intake.
 */
@Component
public class CaseEventTally {

    static final String CONSUMER = "statistics";

    private final NamedParameterJdbcTemplate jdbc;
    private final ConsumerInbox inbox;

    public CaseEventTally(NamedParameterJdbcTemplate jdbc, ConsumerInbox inbox) {
        this.jdbc = jdbc;
        this.inbox = inbox;
    }

    private record TallyKey(Date day, String agency, String channel, String action, String toState) {
    }

    @Transactional
    public void apply(List<Exchange> records) {
        Map<TallyKey, Integer> increments = new LinkedHashMap<>();
        Map<OfficerActions.Key, Integer> byActor = new LinkedHashMap<>();
        for (CaseEventMessage e : inbox.firstSeen(CONSUMER, records, any -> true)) {
            increments.merge(new TallyKey(Date.valueOf(e.occurredAt().toLocalDate()),
                    e.assignedAgency() == null ? "" : e.assignedAgency(), e.channel(), e.action(), e.toState()),
                    1, Integer::sum);
            OfficerActions.keyOf(e).ifPresent(k -> byActor.merge(k, 1, Integer::sum));
        }
        increments.forEach((k, n) -> jdbc.update("""
                insert into case_event_tally (day, agency, channel, action, to_state, events)
                values (:day, :agency, :channel, :action, :toState, :n)
                on conflict (day, agency, channel, action, to_state) do update set events = case_event_tally.events + :n""",
                new MapSqlParameterSource("day", k.day()).addValue("agency", k.agency()).addValue("channel", k.channel())
                        .addValue("action", k.action()).addValue("toState", k.toState()).addValue("n", n)));
        // in the transaction of the dedupe records: an event is counted once in both tallies, or in neither
        byActor.forEach((k, n) -> jdbc.update("""
                insert into officer_action_tally (day, agency, actor, action, events)
                values (:day, :agency, :actor, :action, :n)
                on conflict (day, agency, actor, action) do update set events = officer_action_tally.events + :n""",
                new MapSqlParameterSource("day", Date.valueOf(k.day())).addValue("agency", k.agency())
                        .addValue("actor", k.actor()).addValue("action", k.action()).addValue("n", n)));
    }
}
