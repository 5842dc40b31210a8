package vn.paknhub.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state of one simulated partner system: what it received (once per idempotency key, as a real
 * partner that dedupes would keep it), how many attempts it saw, and how it is told to behave.
 */
public final class SandboxPartner {

    /** How the partner answers the next deliveries. */
    public enum Mode {
        /** accept (or report a duplicate) */
        ACCEPT,
        /** HTTP 503, as a partner that is down */
        FAIL_5XX,
        /** answer only after the hub has given up waiting */
        TIMEOUT,
        /** HTTP 200 with a body that is not the partner's format */
        MALFORMED,
        /** refuse the message as breaking the partner's rules (permanent) */
        REFUSE,
        /** answer "received" but keep nothing: a message lost inside the partner (for reconciliation) */
        LOSE,
        /** keep the message twice, as a partner that applied it twice (for reconciliation) */
        TWICE
    }

    /** @param position 1 for the first message this partner kept, 2 for the next, … */
    public record Received(int position, String messageId, String caseCode, String body, Instant at) {
    }

    private final String system;
    private final Map<String, Received> received = new LinkedHashMap<>();
    private final Map<String, String> traces = new HashMap<>();
    /** the files each message brought, as this partner checked them, by idempotency key */
    private final Map<String, List<SandboxFiles.Check>> files = new HashMap<>();
    /** status changes a polled partner has for the hub, oldest first; the hub's cursor is a position here */
    private final List<Object> statusChanges = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    /** the partner's own status of each case, as its export shows it (sent to the hub or not) */
    private final Map<String, String> statuses = new HashMap<>();
    private Mode mode = Mode.ACCEPT;
    private int remaining = -1;

    SandboxPartner(String system) {
        this.system = system;
    }

    public String system() {
        return system;
    }

    /** @param times how many deliveries behave so, then back to ACCEPT; negative = until told otherwise */
    public synchronized void behave(Mode mode, int times) {
        this.mode = mode;
        this.remaining = times;
    }

    /** Counts an attempt and says how to answer it. */
    public synchronized Mode nextAttempt() {
        attempts.incrementAndGet();
        Mode now = mode;
        if (remaining > 0 && --remaining == 0) {
            mode = Mode.ACCEPT;
        }
        return now;
    }

    /** Keeps a valid message; false when its idempotency key was already received. */
    public synchronized boolean receive(String messageId, String caseCode, String body) {
        if (received.containsKey(messageId)) {
            duplicates.incrementAndGet();
            return false;
        }
        received.put(messageId, new Received(received.size() + 1, messageId, caseCode, body, Instant.now()));
        return true;
    }

    /** A copy of a message kept as a second record, as a partner that applied it twice. */
    public synchronized void receiveAgain(String messageId, String caseCode, String body) {
        String copy = messageId + "#" + (received.size() + 1);
        received.put(copy, new Received(received.size() + 1, copy, caseCode, body, Instant.now()));
    }

    /** The partner's own status of a case, shown in its export. */
    public synchronized void noteStatus(String caseCode, String status) {
        statuses.put(caseCode, status);
    }

    public synchronized String statusOf(String caseCode) {
        return statuses.get(caseCode);
    }

    /** Every message kept, in arrival order. */
    public synchronized List<Received> all() {
        return List.copyOf(received.values());
    }

    /** The W3C trace context a message arrived with (the hub's tracing on), kept to show where it came from. */
    public synchronized void noteTrace(String messageId, String traceparent) {
        if (messageId != null && traceparent != null) {
            traces.put(messageId, traceparent);
        }
    }

    /** How the files of a message checked out (taken inline or downloaded, SHA-256 compared). */
    public synchronized void noteFiles(String messageId, List<SandboxFiles.Check> checks) {
        if (messageId != null && !checks.isEmpty()) {
            files.put(messageId, List.copyOf(checks));
        }
    }

    /** Every file the messages kept about one case brought, as checked, in arrival order. */
    public synchronized List<SandboxFiles.Check> filesFor(String caseCode) {
        return receivedFor(caseCode).stream().flatMap(r -> files.getOrDefault(r.messageId(), List.of()).stream()).toList();
    }

    public synchronized String traceOf(String messageId) {
        return traces.get(messageId);
    }

    /** What the partner kept about one case, in arrival order. */
    public synchronized List<Received> receivedFor(String caseCode) {
        return received.values().stream().filter(r -> caseCode.equals(r.caseCode())).toList();
    }

    public synchronized int position(String messageId) {
        Received r = received.get(messageId);
        return r == null ? 0 : r.position();
    }

    /** A status change the hub will find when it next polls this partner. */
    public synchronized void queueStatus(Object change) {
        statusChanges.add(change);
    }

    /** The status changes after position {@code cursor}, and the position to poll from next. */
    public synchronized Map.Entry<List<Object>, Integer> statusSince(int cursor) {
        int from = Math.max(0, Math.min(cursor, statusChanges.size()));
        return Map.entry(List.copyOf(statusChanges.subList(from, statusChanges.size())), statusChanges.size());
    }

    public synchronized Map<String, Object> report() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("system", system);
        r.put("mode", mode);
        r.put("attempts", attempts.get());
        r.put("duplicates", duplicates.get());
        r.put("received", List.copyOf(received.values()));
        r.put("files", Map.copyOf(files));
        return r;
    }

    public synchronized void reset() {
        received.clear();
        statuses.clear();
        traces.clear();
        files.clear();
        attempts.set(0);
        duplicates.set(0);
        mode = Mode.ACCEPT;
        remaining = -1;
    }
}
