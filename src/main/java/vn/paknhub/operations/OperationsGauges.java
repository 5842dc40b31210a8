package vn.paknhub.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The gauges operators act on (Prometheus names in brackets): events waiting in the outbox and the age of
 * the oldest ({@code pakn_outbox_events}, {@code pakn_outbox_lag_seconds}); deliveries pending and parked
 * per system ({@code pakn_deliveries}); status updates parked per system; notifications pending and
 * parked; daily reports parked; mails quarantined; scans waiting for verification or failed; deadlines
 * due soon and overdue per body ({@code pakn_clocks}); bus messages parked; each consumer group's lag on
 * Kafka. Refreshed together by the operations timer, so a scrape costs no query.
 */
@Component
public class OperationsGauges {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsGauges.class);

    private final OperationsFigures figures;
    private final BusProbe bus;
    private final AtomicReference<OperationsFigures.Snapshot> last = new AtomicReference<>();
    private final MultiGauge deliveries;
    private final MultiGauge statusUpdatesParked;
    private final MultiGauge notifications;
    private final MultiGauge paperScans;
    private final MultiGauge clocks;
    private final MultiGauge consumerLag;

    OperationsGauges(OperationsFigures figures, BusProbe bus, MeterRegistry meters) {
        this.figures = figures;
        this.bus = bus;
        gauge(meters, "pakn.outbox.events", "case events not yet on the bus", s -> s.outboxEvents());
        gauge(meters, "pakn.outbox.lag.seconds", "age of the oldest event not yet on the bus", s -> s.outboxLagSeconds());
        gauge(meters, "pakn.daily.reports.parked", "daily reports that could not be mailed", s -> s.dailyReportsParked());
        gauge(meters, "pakn.mail.quarantined", "mails quarantined after repeated failures", s -> s.mailQuarantined());
        gauge(meters, "pakn.bus.messages.parked", "bus messages a consumer could not read", s -> s.busMessagesParked());
        deliveries = MultiGauge.builder("pakn.deliveries").description("deliveries pending or parked, per system")
                .register(meters);
        statusUpdatesParked = MultiGauge.builder("pakn.status.updates.parked")
                .description("status updates from partner systems parked for an operator, per system").register(meters);
        notifications = MultiGauge.builder("pakn.notifications").description("notifications pending or parked")
                .register(meters);
        paperScans = MultiGauge.builder("pakn.paper.scans").description("scanned letters waiting for a person or failed")
                .register(meters);
        clocks = MultiGauge.builder("pakn.clocks").description("running deadlines in their reminder days or past, per body")
                .register(meters);
        consumerLag = MultiGauge.builder("pakn.bus.consumer.lag").description("events a consumer group has yet to read")
                .register(meters);
    }

    private void gauge(MeterRegistry meters, String name, String description, ToDoubleFunction<OperationsFigures.Snapshot> f) {
        Gauge.builder(name, last, ref -> ref.get() == null ? Double.NaN : f.applyAsDouble(ref.get()))
                .description(description).register(meters);
    }

    /** Reads everything again; a failure (the database is down) keeps the last figures and is logged once per refresh. */
    public void refresh() {
        try {
            OperationsFigures.Snapshot s = figures.read();
            last.set(s);
            register(deliveries, s.deliveries());
            register(statusUpdatesParked, s.statusUpdatesParked());
            register(notifications, s.notifications());
            register(paperScans, s.paperScans());
            register(clocks, s.clocks());
        } catch (RuntimeException e) {
            LOG.warn("Operations figures not read: {}", e.getMessage());
        }
        BusProbe.Reading reading = bus.look();
        consumerLag.register(reading.lagByGroup().entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("group", e.getKey()), e.getValue())).toList(), true);
    }

    private static void register(MultiGauge gauge, List<OperationsFigures.Figure> rows) {
        gauge.register(rows.stream().map(f -> MultiGauge.Row.of(tags(f.labels()), f.value())).toList(), true);
    }

    private static Tags tags(Map<String, String> labels) {
        Tags t = Tags.empty();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            t = t.and(e.getKey(), e.getValue() == null ? "" : e.getValue());
        }
        return t;
    }
}
