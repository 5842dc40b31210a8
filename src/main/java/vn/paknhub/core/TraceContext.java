package vn.paknhub.core;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The W3C trace context ({@code traceparent}) of an item, carried as data where the work leaves the
 * thread that began it: from the web request into the outbox row, from there as a Kafka header, from the
 * routing consumer into the delivery row, and from the delivery into the partner's call. Tracing is off
 * unless {@code HUB_TRACING_ENABLED}: then there is no tracer, and every method here does nothing.
 */
@Component
public class TraceContext {

    public static final String HEADER = "traceparent";

    private final ObjectProvider<Tracer> tracers;
    private final ObjectProvider<Propagator> propagators;

    // resolved once: looking a bean up on every request cost 6 % of the web intake's CPU
    private volatile Optional<Tracer> tracer;
    private volatile Optional<Propagator> propagator;

    public TraceContext(ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
        this.tracers = tracers;
        this.propagators = propagators;
    }

    private Tracer tracer() {
        Optional<Tracer> t = tracer;
        if (t == null) {
            t = Optional.ofNullable(tracers.getIfAvailable());
            tracer = t;
        }
        return t.orElse(null);
    }

    private Propagator propagator() {
        Optional<Propagator> p = propagator;
        if (p == null) {
            p = Optional.ofNullable(propagators.getIfAvailable());
            propagator = p;
        }
        return p.orElse(null);
    }

    /** The traceparent of the span current on this thread (a web request's), or null. */
    public String current() {
        Tracer tracer = tracer();
        Span span = tracer == null ? null : tracer.currentSpan();
        return span == null ? null : traceparent(span);
    }

    /**
     * A started span continuing the trace {@code traceparent} names (a child of its span), for work done
     * elsewhere; null when tracing is off or there is no trace to continue. End it with {@link #end}.
     */
    public Span startChild(String traceparent, String name) {
        Tracer tracer = tracer();
        Propagator propagator = propagator();
        if (tracer == null || propagator == null || traceparent == null || traceparent.isBlank()) {
            return null;
        }
        return propagator.extract(Map.of(HEADER, traceparent), Map::get).name(name).start();
    }

    /** The traceparent a span gives the next hop; null for no span. */
    public String traceparent(Span span) {
        Propagator propagator = propagator();
        if (span == null || propagator == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    public static void end(Span span) {
        if (span != null) {
            span.end();
        }
    }
}
