package vn.paknhub.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
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

/**
 * Feeds the router from the case-event bus: new items and items returned to the Central Party
 * Office. A poll is routed in one transaction together with its dedupe records, so a redelivered
 * event (at-least-once Kafka) never routes or delivers twice, and a busy hour costs one commit per
 * poll rather than per item. Each event is routed all or nothing (a savepoint): one that cannot be
 * routed is parked with the reason and the others go on; a database failure stops the poll, to be
 * read again.
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

    RoutingConsumer(CaseRouter router, ConsumerInbox inbox, TransactionTemplate tx, Savepoints savepoints,
            ObjectMapper json) {
        this.router = router;
        this.inbox = inbox;
        this.tx = tx;
        this.savepoints = savepoints;
        this.json = json;
    }

    public void apply(List<Exchange> records) {
        String topic = records.isEmpty() ? null : records.get(0).getMessage().getHeader(KafkaConstants.TOPIC, String.class);
        tx.executeWithoutResult(s -> {
            for (CaseEventMessage e : inbox.firstSeen(CONSUMER, records, RoutingConsumer::routable)) {
                try {
                    savepoints.within(() -> route(e));
                } catch (DataAccessException transientFailure) {
                    throw transientFailure;
                } catch (RuntimeException unroutable) {
                    LOG.error("Case event {} of {} could not be routed; parked: {}", e.eventId(), e.caseCode(),
                            unroutable.getMessage(), unroutable);
                    inbox.park(CONSUMER, topic, e.caseCode(), asJson(e), String.valueOf(unroutable.getMessage()));
                }
            }
        });
    }

    private static boolean routable(CaseEventMessage e) {
        return CaseEvent.SUBMIT.equals(e.action()) || CaseAction.RETURN_TO_CENTRAL_OFFICE.name().equals(e.action());
    }

    private Void route(CaseEventMessage e) {
        if (CaseEvent.SUBMIT.equals(e.action())) {
            router.routeNew(e.caseCode());
        } else {
            router.routeReturned(e.caseCode(), e.actorId());
        }
        return null;
    }

    private String asJson(CaseEventMessage e) {
        try {
            return json.writeValueAsString(e);
        } catch (JsonProcessingException impossible) {
            return e.toString();
        }
    }
}
