package dev.eventshop.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The log context of one request: what a controller names in it ({@code RequestLogContext.put("orderId", id)}) shows
 * on every line logged while the request runs, and is gone when it ends, so the next request on the thread does not
 * inherit it.
 */
public class RequestLogContext extends OncePerRequestFilter implements Ordered {

    /** Inside the HTTP server observation, whose trace and span ids are in the log context by then. */
    static final int ORDER = TraceResponseFilter.ORDER + 1;

    /** Names something the request is about in its log lines, such as the order it reads. */
    public static void put(String field, Object value) {
        MDC.put(field, String.valueOf(value));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String> before = MDC.getCopyOfContextMap();
        try {
            chain.doFilter(request, response);
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
