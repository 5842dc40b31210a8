package vn.paknhub.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.paknhub.bus.CaseEventMessage;
import vn.paknhub.bus.ConsumerInbox;
import vn.paknhub.casefile.CaseAction;
import vn.paknhub.casefile.CaseEvent;
import vn.paknhub.core.Savepoints;
import vn.paknhub.core.TraceContext;

/**
 * Feeds the router from the case-event bus: new items and items returned to the Central Party
 * Office. A poll is routed in one transaction together with its dedupe records, so a redelivered
 * event (at-least-once Kafka) never routes or delivers twice, and a busy hour costs one commit per
 * poll rather than per item. The poll's new items are routed together, a few round trips for all of
 * them; one that cannot be routed changes nothing and is parked with the reason, and the others go
 * on. A returned item is routed all or nothing (a savepoint). A database failure stops the poll, to
 * be read again.
 */
@Component
class RoutingConsumer {

    static final String CONSUMER = "router";
    private static final Logger LOG = LoggerFactory.getLogger(RoutingConsumer.class);

    private final CaseRouter router;
    private final ConsumerInbox inbox;
    private final TransactionTemplate tx;
    private final Savepoints savepoints;
    private final ObjectMapper json;
    private final TraceContext trace;

    RoutingConsumer(CaseRouter router, ConsumerInbox inbox, TransactionTemplate tx, Savepoints savepoints,
            ObjectMapper json, TraceContext trace) {
        this.router = router;
        this.trace = trace;
        this.inbox = inbox;
        this.tx = tx;
        this.savepoints = savepoints;
        this.json = json;
    }

    public void apply(List<Exchange> records) {
        String topic = records.isEmpty() ? null : records.get(0).getMessage().getHeader(KafkaConstants.TOPIC, String.class);
        // the trace each item came with (tracing on): routed in a span of its own, carried on by its deliveries
        Map<String, Span> spans = new HashMap<>();
        for (Exchange r : records) {
            String traceparent = headerText(r, TraceContext.HEADER);
            String code = r.getMessage().getHeader(KafkaConstants.KEY, String.class);
            if (traceparent != null && code != null) {
                spans.computeIfAbsent(code, c -> trace.startChild(traceparent, "route " + c));
            }
        }
        Map<String, String> traceparents = new HashMap<>();
        spans.forEach((code, span) -> traceparents.put(code, trace.traceparent(span)));
        try {
            route(topic, records, traceparents);
        } finally {
            spans.values().forEach(TraceContext::end);
        }
    }

    private void route(String topic, List<Exchange> records, Map<String, String> traceparents) {
        tx.executeWithoutResult(s -> {
            List<CaseEventMessage> events = inbox.firstSeen(CONSUMER, records, RoutingConsumer::routable);
            // a case is returned only after it was routed, which happens here: never in the poll of its submission
            Map<String, CaseEventMessage> submitted = new LinkedHashMap<>();
            events.stream().filter(e -> CaseEvent.SUBMIT.equals(e.action())).forEach(e -> submitted.putIfAbsent(e.caseCode(), e));
            if (!submitted.isEmpty()) {
                router.routeNew(List.copyOf(submitted.keySet()), traceparents)
                        .forEach((code, why) -> park(topic, submitted.get(code), why));
            }
            for (CaseEventMessage e : events) {
                if (!CaseEvent.SUBMIT.equals(e.action())) {
                    try {
                        savepoints.within(() -> {
                            router.routeReturned(e.caseCode(), e.actorId());
                            return null;
                        });
                    } catch (DataAccessException transientFailure) {
                        throw transientFailure;
                    } catch (RuntimeException unroutable) {
                        park(topic, e, unroutable);
                    }
                }
            }
        });
    }

    /** A Kafka header's value as text (the client gives bytes); null when absent. */
    private static String headerText(Exchange record, String name) {
        Object value = record.getMessage().getHeader(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    private void park(String topic, CaseEventMessage e, RuntimeException why) {
        LOG.error("Case event {} of {} could not be routed; parked: {}", e.eventId(), e.caseCode(), why.getMessage(), why);
        inbox.park(CONSUMER, topic, e.caseCode(), asJson(e), String.valueOf(why.getMessage()));
    }

    private static boolean routable(CaseEventMessage e) {
        return CaseEvent.SUBMIT.equals(e.action()) || CaseAction.RETURN_TO_CENTRAL_OFFICE.name().equals(e.action());
    }

    private String asJson(CaseEventMessage e) {
        try {
            return json.writeValueAsString(e);
        } catch (JsonProcessingException impossible) {
            return e.toString();
        }
    }
}
