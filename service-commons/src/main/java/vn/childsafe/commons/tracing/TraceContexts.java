package vn.childsafe.commons.tracing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Carries a report's trace across the hops that no instrumentation sees: the outbox row, the Kafka record written by
 * the relay, a notify delivery row and the outbound webhook (docs/architecture.md, "Tracing"). The context is always
 * kept as a W3C {@code traceparent} string, whatever propagators the SDK is configured with, because that string is
 * what is stored in the database and what the units' systems receive.
 * <p>
 * With the SDK disabled (the default outside production) no span is valid, {@link #current()} answers
 * {@code null} and nothing is stored or sent: no per-report work beyond a thread-local read.
 */
public final class TraceContexts {

    /** The W3C Trace Context header, also the Kafka record header name. */
    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<String> SINGLE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private TraceContexts() {}

    /** The {@code traceparent} of the current span, or {@code null} if there is no valid one. */
    public static String current() {
        return of(Context.current());
    }

    /** The {@code traceparent} of the span in {@code context}, or {@code null} if there is no valid one. */
    public static String of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * The context that a stored or received {@code traceparent} continues; the root context if it is missing or not
     * a valid {@code traceparent} (a malformed value from outside never fails the work it came with).
     */
    public static Context parent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3C.extract(Context.root(), traceparent, SINGLE);
    }

    /** Marks the span failed, with the failure's type only: a message may quote personal data. */
    public static void failed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR, failure.getClass().getName());
    }
}
