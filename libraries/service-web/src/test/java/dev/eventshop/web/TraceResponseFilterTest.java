package dev.eventshop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TraceResponseFilterTest {

    @Test
    void namesTheCurrentSpansTraceInTheAnswer() throws Exception {
        TraceResponseFilter filter = new TraceResponseFilter(providing(tracerWithin("4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7"), new AtomicInteger()));

        MockHttpServletResponse response = answer(filter);

        assertThat(response.getHeader(TraceResponseFilter.HEADER))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void looksTheTracerUpOnceNotOnEveryRequest() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        TraceResponseFilter filter = new TraceResponseFilter(providing(tracerWithin("4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7"), lookups));

        for (int request = 0; request < 3; request++) {
            answer(filter);
        }

        assertThat(lookups).hasValue(1);
    }

    @Test
    void answersWithoutTheHeaderWhereThereIsNoTracerAndDoesNotAskAgain() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        TraceResponseFilter filter = new TraceResponseFilter(providing(null, lookups));

        MockHttpServletResponse first = answer(filter);
        MockHttpServletResponse second = answer(filter);

        assertThat(first.getHeader(TraceResponseFilter.HEADER)).isNull();
        assertThat(second.getHeader(TraceResponseFilter.HEADER)).isNull();
        assertThat(lookups).hasValue(1);
    }

    private static MockHttpServletResponse answer(TraceResponseFilter filter) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", "/orders"), response, new MockFilterChain());
        return response;
    }

    private static Tracer tracerWithin(String traceId, String spanId) {
        TraceContext context = mock(TraceContext.class);
        when(context.traceId()).thenReturn(traceId);
        when(context.spanId()).thenReturn(spanId);
        when(context.sampled()).thenReturn(true);
        Span span = mock(Span.class);
        when(span.context()).thenReturn(context);
        Tracer tracer = mock(Tracer.class);
        when(tracer.currentSpan()).thenReturn(span);
        return tracer;
    }

    private static ObjectProvider<Tracer> providing(@Nullable Tracer tracer, AtomicInteger lookups) {
        return new ObjectProvider<>() {
            @Override
            public Tracer getObject(@Nullable Object... args) {
                throw new UnsupportedOperationException();
            }

            @Override
            public @Nullable Tracer getIfAvailable() {
                lookups.incrementAndGet();
                return tracer;
            }

            @Override
            public @Nullable Tracer getIfUnique() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Tracer getObject() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
