package dev.eventshop.email.notification.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Forgets the order a request named in its log lines (MDC key {@value #ORDER_ID}) when the request ends, so that the
 * next request on the thread does not inherit it.
 */
@Component
class EmailLogContext extends OncePerRequestFilter {

    static final String ORDER_ID = "orderId";

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
