package vn.childsafe.commons.tracing;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;

/**
 * Starts the spans of the hops that no instrumentation sees (the relay, the consumers, the webhook attempts;
 * docs/architecture.md, "Tracing"). With the SDK disabled, Quarkus still hands out a tracer that makes real spans
 * with fresh trace ids; a no-op tracer is used instead, so that tracing off makes no span, stores no context and
 * sends no header, and only passes on a context that was stored while it was on.
 */
@ApplicationScoped
public class Spans {

    @Inject
    Tracer quarkusTracer;

    @ConfigProperty(name = "quarkus.otel.sdk.disabled")
    boolean sdkDisabled;

    private Tracer tracer;

    @PostConstruct
    void init() {
        tracer = sdkDisabled ? TracerProvider.noop().get("vn.childsafe") : quarkusTracer;
    }

    /**
     * Starts a span of {@code kind} under the trace a stored or received {@code traceparent} names (a new trace if
     * it is {@code null} or malformed); the caller ends it.
     */
    public Span start(String name, SpanKind kind, String traceparent) {
        return tracer.spanBuilder(name)
                .setSpanKind(kind)
                .setParent(TraceContexts.parent(traceparent))
                .startSpan();
    }
}
