package dev.eventshop.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A database that is busy or away is the service's trouble, and a passing one: {@code 503} with {@code Retry-After},
 * not a {@code 500} that reads as a bug. Under a load the machine cannot carry, requests wait for a pooled connection
 * until the pool's timeout; each is answered this way, and the transaction it would have run never began (or was
 * rolled back), so sending it again is safe. Logged in one line each: a burst of them says "overloaded", not "broken".
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class DatabaseProblems {

    private static final String RETRY_AFTER_SECONDS = "1";
    private static final Logger log = LoggerFactory.getLogger(DatabaseProblems.class);

    /**
     * The work failed and its rollback too, as when the database restarts or cuts the session off mid-request: the
     * transaction did not commit, and the database drops what it lost. A failed commit has no work's failure with it:
     * the connection broke while committing, so the work may have committed or not, and no one can say which.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> rollbackFailed(TransactionSystemException e) {
        return e.getApplicationException() != null ? unavailable(e) : outcomeUnknown(e);
    }

    private ResponseEntity<ProblemDetail> outcomeUnknown(TransactionSystemException e) {
        log.warn("Answered 500: the database connection broke while the request committed, so whether it took effect "
                + "is unknown: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "outcome-unknown", "Outcome unknown",
                        "The connection to the service's database broke while the request was committing: it may or "
                                + "may not have taken effect. Look it up before sending it again, or send it again "
                                + "with the same Idempotency-Key, which answers as the first request did if it "
                                + "took effect."));
    }

    @ExceptionHandler({CannotCreateTransactionException.class, TransientDataAccessException.class,
            DataAccessResourceFailureException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("Answered 503: the database did not serve the request: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Service unavailable",
                        "The service's database is busy or unreachable and nothing was done. Send the request "
                                + "again shortly."));
    }
}
