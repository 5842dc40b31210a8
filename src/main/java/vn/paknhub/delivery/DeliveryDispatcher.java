package vn.paknhub.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.tracing.Span;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.core.GroupCommit;
import vn.paknhub.core.TraceContext;
import vn.paknhub.core.crypto.Randomness;
import vn.paknhub.core.messages.CanonicalMessages;

/**
 * Sends due deliveries through their systems' connectors. Each delivery is independent: it has its
 * own attempts, back-off and outcome, and a system that is slow or down holds back only its own
 * deliveries (a bounded number in flight per system, and its circuit breaker). After the retry
 * budget, or at once when the partner says retrying cannot help, the delivery is parked with its
 * reason until someone replays it.
 */
@Component
public class DeliveryDispatcher implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);

    /** Connector routes consume {@code direct:deliver-<system>}; see src/main/resources/camel/connector-templates.yaml. */
    public static final String MESSAGE_KIND = "PaknMessageKind";
    public static final String MESSAGE_ID = "PaknMessageId";
    public static final String CASE_CODE = "PaknCaseCode";

    /** A receipt may wait this long to be stored with others, only while receipts come together. */
    private static final Duration RECEIPT_LINGER = Duration.ofMillis(20);

    private final Deliveries deliveries;
    private final DispatchComposer composer;
    private final ConnectorCatalogue connectors;
    private final CanonicalMessages messages;
    private final CaseService cases;
    private final ProducerTemplate producer;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final DeliverySettings settings;
    private final CaseSettings caseSettings;
    private final Clock clock;
    private final DestinationBreakers breakers;
    private final TraceContext trace;
    private final ExecutorService senders;
    /** Receipts arriving together are stored together: one commit for many deliveries under load. */
    private final GroupCommit<Taken, Boolean> receipts;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger inFlightTotal = new AtomicInteger();

    public DeliveryDispatcher(Deliveries deliveries, DispatchComposer composer, ConnectorCatalogue connectors,
            CanonicalMessages messages, CaseService cases, ProducerTemplate producer, TransactionTemplate tx,
            ObjectMapper json, DeliverySettings settings, CaseSettings caseSettings, Clock clock,
            DestinationBreakers breakers, TraceContext trace) {
        this.trace = trace;
        this.deliveries = deliveries;
        this.composer = composer;
        this.connectors = connectors;
        this.messages = messages;
        this.cases = cases;
        this.producer = producer;
        this.tx = tx;
        this.json = json;
        this.settings = settings;
        this.caseSettings = caseSettings;
        this.clock = clock;
        this.receipts = new GroupCommit<>("delivery-receipts", 1, 200, RECEIPT_LINGER, tx, this::settle);
        this.breakers = breakers;
        this.senders = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "delivery-sender");
            t.setDaemon(true);
            return t;
        });
    }

    /** Systems whose deliveries wait because they have been failing (their circuit is open). */
    public Set<String> heldBack() {
        return breakers.open();
    }

    /** Called by the dispatch timer: claims what is due and hands it to the senders without waiting. */
    public int dispatchDue() {
        int room = 2 * settings.concurrency() - inFlightTotal.get();
        if (room <= 0) {
            return 0;
        }
        Set<String> heldBack = new HashSet<>(breakers.open());
        // No system may take more than the sender pool: a slow partner must not starve the others.
        inFlight.forEach((system, n) -> {
            if (n.get() >= settings.concurrency() / 2) {
                heldBack.add(system);
            }
        });
        List<Delivery> due = deliveries.claimDue(Math.min(room, settings.batchSize()), settings.leaseSeconds(), heldBack);
        DispatchComposer.Batch batch = composer.read(due);
        for (Delivery d : due) {
            inFlightTotal.incrementAndGet();
            inFlight.computeIfAbsent(d.system(), s -> new AtomicInteger()).incrementAndGet();
            senders.execute(() -> {
                try {
                    send(d, batch);
                } finally {
                    inFlight.get(d.system()).decrementAndGet();
                    inFlightTotal.decrementAndGet();
                }
            });
        }
        return due.size();
    }

    void send(Delivery d, DispatchComposer.Batch batch) {
        // the item's trace carried on into the partner's call (a traceparent header), as a span of its own
        Span span = trace.startChild(d.traceparent(), "deliver " + d.system());
        try {
            if (!connectors.isWorking(d.system())) {
                throw new DeliveryRefused("NO_CONNECTOR", connectors.whyNotWorking(d.system()), true);
            }
            String dispatch = composer.compose(d, batch);
            Map<String, Object> headers = new HashMap<>(Map.of(MESSAGE_KIND, d.statusUpdate() ? "update" : "dispatch",
                    MESSAGE_ID, d.id().toString(), CASE_CODE, d.caseCode()));
            String traceparent = trace.traceparent(span);
            if (traceparent != null) {
                headers.put(TraceContext.HEADER, traceparent);
            }
            Exchange done = producer.request("direct:deliver-" + d.system() + "?block=false", e -> {
                e.getMessage().setBody(dispatch);
                e.getMessage().setHeaders(headers);
            });
            if (done.getException() != null) {
                throw new CamelExecutionException("delivery " + d.id() + " failed", done, done.getException());
            }
            Object reply = done.getMessage().getBody();
            ConnectorReply answer = ConnectorReply.parse(reply == null ? null : reply.toString(), json);
            breakers.succeeded(d.system());
            delivered(d, answer, done.getProperty(PartnerAnswer.PROPERTY, Map.class));
        } catch (DeliveryRefused refused) {
            failed(d, refused.getMessage(), refused.retryable());
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof DeliveryRefused refused) {
                failed(d, refused.getMessage(), refused.retryable());
            } else {
                failed(d, describe(cause), true);
            }
        } catch (RuntimeException e) {
            LOG.error("Delivery {} of case {} to {} failed in the hub", d.id(), d.caseCode(), d.system(), e);
            failed(d, describe(e), true);
        } finally {
            TraceContext.end(span);
        }
    }

    private void delivered(Delivery d, ConnectorReply answer, Map<?, ?> partnerAnswer) {
        ObjectNode receipt = json.createObjectNode();
        receipt.put("schema", CanonicalMessages.Kind.DELIVERY_RECEIPT.schemaId());
        receipt.put("messageId", Randomness.uuid().toString());
        receipt.put("inReplyTo", d.id().toString());
        receipt.put("caseCode", d.caseCode());
        receipt.put("system", d.system());
        receipt.put("outcome", answer.outcome());
        receipt.put("externalReference", answer.externalReference());
        receipt.put("receivedAt", DispatchComposer.timestamp(clock.instant(), caseSettings.timeZone()));
        messages.requireValid(CanonicalMessages.Kind.DELIVERY_RECEIPT, receipt);
        receipts.write(new Taken(d, new Deliveries.Receipt(d.id(), receipt.toString(), answer.externalReference(),
                partnerAnswer == null ? null : json.valueToTree(partnerAnswer).toString()), answer.outcome(), partnerAnswer));
    }

    /** A delivery the partner took, with its receipt. */
    private record Taken(Delivery delivery, Deliveries.Receipt receipt, String outcome, Map<?, ?> partnerAnswer) {
    }

    /** Settles the deliveries with their receipts and notes each in its case's history, in the caller's transaction. */
    private List<Boolean> settle(List<Taken> taken) {
        boolean[] settled = deliveries.markDelivered(taken.stream().map(Taken::receipt).toList());
        List<CaseService.Note> notes = new ArrayList<>();
        List<Boolean> answers = new ArrayList<>(taken.size());
        for (int i = 0; i < settled.length; i++) {
            Taken t = taken.get(i);
            // false: a redelivery of what another attempt had already settled; noted once
            if (settled[i]) {
                Map<String, Object> details = new HashMap<>(Map.of("outcome", t.outcome(),
                        "externalReference", String.valueOf(t.receipt().externalReference())));
                if (t.partnerAnswer() != null) {
                    // the sealed history vouches for the partner's answer kept on the delivery
                    details.put("partnerAnswerSha256", t.partnerAnswer().get("sha256"));
                    details.put("partnerSignature", t.partnerAnswer().get("signatureCheck"));
                }
                notes.add(note(t.delivery(), "DELIVERED", null, details));
            }
            answers.add(settled[i]);
        }
        cases.recordAll(notes);
        return answers;
    }

    private void failed(Delivery d, String error, boolean retryable) {
        breakers.failed(d.system());
        boolean budgetLeft = retryable && d.attempts() < settings.maxAttempts();
        tx.executeWithoutResult(s -> {
            if (budgetLeft) {
                deliveries.retryLater(d.id(), error, clock.instant().plusMillis(settings.backoffMs(d.attempts())));
            } else {
                deliveries.park(d.id(), error);
                cases.recordAll(List.of(note(d, "DELIVERY_PARKED", error, Map.of("attempts", d.attempts()))));
            }
        });
        if (budgetLeft) {
            LOG.warn("Delivery {} of case {} to {} failed (attempt {} of {}), retrying: {}", d.id(), d.caseCode(),
                    d.system(), d.attempts(), settings.maxAttempts(), error);
        } else {
            LOG.error("Delivery {} of case {} to {} parked after {} attempts: {}", d.id(), d.caseCode(), d.system(),
                    d.attempts(), error);
        }
    }

    private static CaseService.Note note(Delivery d, String what, String reason, Map<String, Object> extra) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("deliveryId", d.id().toString());
        details.put("agency", d.agency());
        details.put("system", d.system());
        details.put("role", d.role());
        details.putAll(extra);
        return new CaseService.Note(d.caseCode(), what, DispatchComposer.DELIVERY, reason, details);
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    @Override
    public void destroy() throws InterruptedException {
        senders.shutdownNow();
        receipts.close();
    }
}
