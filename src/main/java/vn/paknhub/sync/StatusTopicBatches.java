package vn.paknhub.sync;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;
import vn.paknhub.bus.CaseEventBus;
import vn.paknhub.delivery.JsonMappings;

/**
 * A poll of a system's status topic, applied as one batch: each record mapped by the system's
 * status.jsonata, all applied in one transaction, and an error message for each record that was not
 * taken (not readable, invalid, refused, parked), keyed like the record it answers.
 */
@Component("statusTopicBatches")
public class StatusTopicBatches {

    /** What goes back on the system's error topic (schemas/messages/error.v1). */
    public record ErrorNotice(String key, String message) {
    }

    /** The exchange property the status-kafka template keeps the poll's records in. */
    static final String BATCH = "statusBatch";

    private final StatusUpdates updates;
    private final StatusErrors errors;
    private final JsonMappings mappings;

    StatusTopicBatches(StatusUpdates updates, StatusErrors errors, JsonMappings mappings) {
        this.updates = updates;
        this.errors = errors;
        this.mappings = mappings;
    }

    public List<ErrorNotice> apply(@Header("PaknSystem") String system, @Header(JsonMappings.MAPPING) String mapping,
            @Body List<Exchange> records) {
        List<ErrorNotice> notices = new ArrayList<>();
        List<StatusUpdates.Received> readable = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Exchange record : records) {
            String received = record.getMessage().getBody(String.class);
            String key = record.getMessage().getHeader(KafkaConstants.KEY, String.class);
            try {
                readable.add(new StatusUpdates.Received(received, mappings.map(mapping, received)));
                keys.add(key);
            } catch (Exception notReadable) {
                // the partner's own format was not understood: nothing to apply, but the partner must hear it
                notices.add(new ErrorNotice(key, errors.unreadable(system, notReadable)));
            }
        }
        List<StatusOutcome> outcomes = updates.applyAll(system, StatusUpdates.Via.KAFKA, readable);
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).refused()) {
                notices.add(new ErrorNotice(keys.get(i), errors.refusal(outcomes.get(i), system, readable.get(i).mapped())));
            }
        }
        return notices;
    }

    /** Once the batch is applied and its error messages are sent: the poll's offsets, so it is never read again. */
    public void commit(@ExchangeProperty(BATCH) List<Exchange> records) {
        CaseEventBus.commitRecords(records);
    }
}
