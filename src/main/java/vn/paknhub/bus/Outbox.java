package vn.paknhub.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes events to the outbox, inside the caller's transaction, for the relay to publish. */
@Repository
public class Outbox {

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final String topic;

    public Outbox(NamedParameterJdbcTemplate jdbc, ObjectMapper json,
            @Value("${hub.bus.case-events-topic}") String topic) {
        this.jdbc = jdbc;
        this.json = json;
        this.topic = topic;
    }

    /**
     * Writes the events in their order, in one round trip, each with the trace context of the work that
     * made it ({@code traceparentOf} its event id; null when tracing is off), relayed as a Kafka header.
     */
    public void enqueue(List<CaseEventMessage> events, Function<UUID, String> traceparentOf) {
        jdbc.batchUpdate("insert into outbox (event_id, case_code, topic, payload, traceparent)"
                + " values (:id, :code, :topic, cast(:payload as jsonb), :traceparent)",
                events.stream().map(event -> new MapSqlParameterSource("id", event.eventId())
                        .addValue("code", event.caseCode()).addValue("topic", topic).addValue("payload", payload(event))
                        .addValue("traceparent", traceparentOf.apply(event.eventId())))
                        .toArray(MapSqlParameterSource[]::new));
    }

    private String payload(CaseEventMessage event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("case event is not serialisable", e);
        }
    }
}
