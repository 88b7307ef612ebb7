package dev.eventshop.web.idempotency;

import dev.eventshop.web.Problems;
import dev.eventshop.web.Problems.FieldProblem;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problem details of idempotency-key failures, on every endpoint that takes a key. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdempotencyProblems {

    @ExceptionHandler
    ProblemDetail invalidKey(InvalidIdempotencyKeyException e) {
        return Problems.invalidRequest("The " + IdempotencyKey.HEADER + " header is not valid.",
                List.of(new FieldProblem(IdempotencyKey.HEADER, String.valueOf(e.getMessage()))));
    }

    @ExceptionHandler
    ProblemDetail inFlight(IdempotencyKeyInFlightException e) {
        return Problems.of(HttpStatus.CONFLICT, "idempotency-key-in-flight", "Request in progress",
                "A request with this " + IdempotencyKey.HEADER + " is still being processed; retry later.");
    }

    @ExceptionHandler
    ProblemDetail reused(IdempotencyKeyReusedException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                "This " + IdempotencyKey.HEADER + " was already used for a different request.");
    }

    /** The server's fault, not the client's: the request ran too long. Nothing was done, so a retry is safe. */
    @ExceptionHandler
    ProblemDetail expired(IdempotencyKeyExpiredException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "idempotency-key-expired", "Request abandoned",
                "The request took so long that its " + IdempotencyKey.HEADER + " expired, and it was rolled back. "
                + "Send it again with the same key.");
    }
}
