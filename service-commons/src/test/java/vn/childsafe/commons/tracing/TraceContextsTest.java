package vn.childsafe.commons.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;

class TraceContextsTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aStoredTraceparentComesBackUnchanged() {
        assertThat(TraceContexts.of(TraceContexts.parent(TRACEPARENT))).isEqualTo(TRACEPARENT);
    }

    @Test
    void noSpanMeansNothingToStore() {
        assertThat(TraceContexts.current()).isNull();
        assertThat(TraceContexts.of(Context.root())).isNull();
    }

    @Test
    void aMissingOrMalformedTraceparentStartsNothing() {
        for (String bad : new String[] {
            null, "", "00-zz-00f067aa0ba902b7-01", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"
        }) {
            assertThat(Span.fromContext(TraceContexts.parent(bad))
                            .getSpanContext()
                            .isValid())
                    .as(bad)
                    .isFalse();
        }
    }

    @Test
    void withTracingOffAStoredContextIsPassedOnAndNoNewOneIsMade() {
        var noop = TracerProvider.noop().get("test");
        Span continued = noop.spanBuilder("x")
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(TraceContexts.parent(TRACEPARENT))
                .startSpan();
        assertThat(TraceContexts.of(Context.root().with(continued))).isEqualTo(TRACEPARENT);
        Span fresh = noop.spanBuilder("x").setParent(TraceContexts.parent(null)).startSpan();
        assertThat(TraceContexts.of(Context.root().with(fresh))).isNull();
    }
}
