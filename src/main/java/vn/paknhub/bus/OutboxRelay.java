package vn.paknhub.bus;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.paknhub.core.TraceContext;

/**
 * Claims committed outbox rows for publishing. Several hub nodes relay safely: {@code SKIP LOCKED}
 * gives each node different rows, and a row is claimed only when no earlier row of the same case is
 * still waiting, so events of one case reach Kafka in the order they happened.
 */
@Component
public class OutboxRelay {

    static final String CLAIMED_IDS = "outboxIds";
    public static final String EVENT_ID_HEADER = "eventId";

    private final NamedParameterJdbcTemplate jdbc;
    private final CamelContext camel;
    private final int batchSize;

    public OutboxRelay(NamedParameterJdbcTemplate jdbc, CamelContext camel,
            @Value("${hub.bus.relay-batch-size}") int batchSize) {
        this.jdbc = jdbc;
        this.camel = camel;
        this.batchSize = batchSize;
    }

    /** Runs inside the route's transaction: the row locks hold until the broker has acknowledged. */
    public List<Message> claimBatch(Exchange exchange) {
        List<Long> ids = new ArrayList<>();
        List<Message> records = jdbc.query("""
                select o.id, o.event_id, o.case_code, o.payload::text, o.traceparent from outbox o
                where not exists (select 1 from outbox earlier where earlier.case_code = o.case_code and earlier.id < o.id)
                order by o.id limit :batch for update skip locked""",
                new MapSqlParameterSource("batch", batchSize), (rs, i) -> {
                    ids.add(rs.getLong(1));
                    Message m = new DefaultMessage(camel);
                    m.setHeader(KafkaConstants.KEY, rs.getString(3));
                    m.setHeader(EVENT_ID_HEADER, rs.getString(2));
                    m.setBody(rs.getString(4));
                    if (rs.getString(5) != null) {
                        m.setHeader(TraceContext.HEADER, rs.getString(5));
                    }
                    return m;
                });
        exchange.setProperty(CLAIMED_IDS, ids);
        return records;
    }

    public void markPublished(@ExchangeProperty(CLAIMED_IDS) List<Long> ids) {
        jdbc.update("delete from outbox where id in (:ids)", new MapSqlParameterSource("ids", ids));
    }
}
