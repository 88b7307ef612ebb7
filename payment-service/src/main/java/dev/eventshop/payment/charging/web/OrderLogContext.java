package dev.eventshop.payment.charging.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names the order a request is about in its log lines (MDC key {@value #ORDER_ID}) and forgets it when the request
 * ends, so that the next request on the thread does not inherit it.
 */
@Component
class OrderLogContext extends OncePerRequestFilter {

    static final String ORDER_ID = "orderId";

    static void put(String orderId) {
        MDC.put(ORDER_ID, orderId);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(ORDER_ID);
        }
    }
}
