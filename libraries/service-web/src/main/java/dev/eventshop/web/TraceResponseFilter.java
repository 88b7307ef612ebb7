package dev.eventshop.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names the trace of every answer in a W3C {@code traceresponse} header ({@code 00-<trace id>-<span id>-<flags>}), so
 * that a client can go from a response, an error included, straight to its trace in the trace UI.
 *
 * <p>Runs just inside Spring's HTTP server observation filter, whose span is the current one by then, and sets the
 * header before the rest of the chain, so it is there however the request ends.
 */
public class TraceResponseFilter extends OncePerRequestFilter implements Ordered {

    public static final String HEADER = "traceresponse";
    /** One after {@code ServerHttpObservationFilter}, which Spring Boot orders at highest precedence + 1. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    // Looked up on the first request, not per request: a lookup in the bean factory costs more than the rest of
    // this filter; absent stays absent.
    private final Supplier<Optional<Tracer>> tracer;

    public TraceResponseFilter(ObjectProvider<Tracer> tracer) {
        this.tracer = SingletonSupplier.of(() -> Optional.ofNullable(tracer.getIfAvailable()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        @Nullable Span span = tracer.get().map(Tracer::currentSpan).orElse(null);
        if (span != null && !span.isNoop()) {
            String flags = Boolean.TRUE.equals(span.context().sampled()) ? "01" : "00";
            response.setHeader(HEADER, "00-" + span.context().traceId() + "-" + span.context().spanId() + "-" + flags);
        }
        chain.doFilter(request, response);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
