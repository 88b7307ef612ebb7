package dev.eventshop.analytics.sales.web;

import dev.eventshop.analytics.sales.application.EventLogUnavailableException;
import dev.eventshop.analytics.sales.application.RebuildInProgressException;
import dev.eventshop.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The read models' own problems; runs before the catch-all advice. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AnalyticsProblems {

    @ExceptionHandler(RebuildInProgressException.class)
    ProblemDetail rebuildInProgress() {
        return Problems.of(HttpStatus.CONFLICT, "rebuild-in-progress", "Rebuild in progress",
                "A rebuild of the read models is already running. Try again when it has finished.");
    }

    @ExceptionHandler(EventLogUnavailableException.class)
    ProblemDetail eventLogUnavailable(EventLogUnavailableException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "event-log-unavailable", "Topics unavailable",
                "The rebuild could not read the topics (" + e.getMessage() + "). The current figures still serve.");
    }
}
