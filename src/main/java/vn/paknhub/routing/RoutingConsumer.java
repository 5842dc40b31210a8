package vn.paknhub.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
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

/**
 * Feeds the router from the case-event bus: new items and items returned to the Central Party
 * Office. Each event is routed in its own transaction together with its dedupe record, so a
 * redelivered event (at-least-once Kafka) never routes or delivers twice. A database failure stops
 * the batch, to be redelivered; an event that cannot be routed for any other reason is parked with
 * the reason, and the others go on.
 */
@Component
class RoutingConsumer {

    static final String CONSUMER = "router";
    private static final Logger LOG = LoggerFactory.getLogger(RoutingConsumer.class);

    private final CaseRouter router;
    private final ConsumerInbox inbox;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    RoutingConsumer(CaseRouter router, ConsumerInbox inbox, TransactionTemplate tx, ObjectMapper json) {
        this.router = router;
        this.inbox = inbox;
        this.tx = tx;
        this.json = json;
    }

    public void apply(List<Exchange> records) {
        for (Exchange record : records) {
            Message m = record.getMessage();
            String payload = m.getBody(String.class);
            try {
                CaseEventMessage e = json.readValue(payload, CaseEventMessage.class);
                if (CaseEvent.SUBMIT.equals(e.action()) || CaseAction.RETURN_TO_CENTRAL_OFFICE.name().equals(e.action())) {
                    tx.executeWithoutResult(s -> {
                        if (!inbox.firstDeliveries(CONSUMER, List.of(e.eventId().toString())).isEmpty()) {
                            route(e);
                        }
                    });
                }
            } catch (DataAccessException transientFailure) {
                throw transientFailure;
            } catch (Exception e) {
                LOG.error("Case event could not be routed; parked: {}", e.getMessage(), e);
                tx.executeWithoutResult(s -> inbox.park(CONSUMER, m.getHeader(KafkaConstants.TOPIC, String.class),
                        m.getHeader(KafkaConstants.KEY, String.class), payload, String.valueOf(e.getMessage())));
            }
        }
    }

    private void route(CaseEventMessage e) {
        if (CaseEvent.SUBMIT.equals(e.action())) {
            router.routeNew(e.caseCode());
        } else {
            router.routeReturned(e.caseCode(), e.actorId());
        }
    }
}
