package dev.eventshop.messaging.deadletters.web;

import dev.eventshop.messaging.deadletters.AlreadyRedrivenException;
import dev.eventshop.messaging.deadletters.DeadLetterFilter;
import dev.eventshop.messaging.deadletters.DeadLetterId;
import dev.eventshop.messaging.deadletters.DeadLetterPage;
import dev.eventshop.messaging.deadletters.DeadLetters;
import dev.eventshop.messaging.deadletters.MalformedDeadLetterIdException;
import dev.eventshop.messaging.deadletters.Redrive.RedriveRequest;
import dev.eventshop.messaging.deadletters.RedriveFailedException;
import dev.eventshop.messaging.deadletters.UnknownDeadLetterException;
import dev.eventshop.messaging.deadletters.web.DeadLetterViews.BulkRedriveView;
import dev.eventshop.messaging.deadletters.web.DeadLetterViews.ContentView;
import dev.eventshop.messaging.deadletters.web.DeadLetterViews.PageView;
import dev.eventshop.messaging.deadletters.web.DeadLetterViews.RedriveView;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /dead-letters}: what the service's dead-letter topics hold, and redrives back to the service's own consumer.
 * Errors are RFC 9457 problem details of the service's problem types.
 */
@RestController
@RequestMapping("/dead-letters")
public class DeadLettersController {

    /** The base of the problem types, as service-web's {@code Problems} names them. */
    private static final String PROBLEM_TYPES = "https://eventshop.dev/problems/";

    private final DeadLetters deadLetters;
    private final int maxRedrive;
    private final ObjectProvider<Tracer> tracer;

    public DeadLettersController(DeadLetters deadLetters, int maxRedrive, ObjectProvider<Tracer> tracer) {
        this.deadLetters = deadLetters;
        this.maxRedrive = maxRedrive;
        this.tracer = tracer;
    }

    /**
     * The dead letters that match every filter given, newest first, a page at a time.
     *
     * @param topic the topic they were published on
     * @param type their {@code ce_type}
     * @param exception their failure's exception class, fully qualified or simple
     * @param from dead-lettered at or after (ISO-8601)
     * @param to dead-lettered before (ISO-8601)
     * @param redriven {@code false} for those still waiting, {@code true} for those redriven
     */
    @GetMapping
    PageView list(@RequestParam(required = false) @Nullable String topic,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String exception,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
            @RequestParam(required = false) @Nullable Boolean redriven,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidParameterException("page", "must be 0 or more");
        }
        if (size < 1 || size > DeadLetterPage.MAX_SIZE) {
            throw new InvalidParameterException("size", "must be between 1 and " + DeadLetterPage.MAX_SIZE);
        }
        return PageView.of(deadLetters.list(new DeadLetterFilter(topic, type, exception, from, to, redriven), page,
                size));
    }

    /** One dead letter, with the record's original value and headers. */
    @GetMapping("/{id}")
    ContentView find(@PathVariable String id) {
        return ContentView.of(deadLetters.find(DeadLetterId.parse(id)));
    }

    /**
     * Hands a dead letter back to this service's own consumer (never to the topic every consumer reads). A dead letter
     * redriven before is refused with 409 unless {@code force=true}.
     */
    @PostMapping("/{id}/redrive")
    RedriveView redrive(@PathVariable String id, @RequestParam(defaultValue = "false") boolean force,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            HttpServletRequest request) {
        return RedriveView.of(deadLetters.redrive(DeadLetterId.parse(id), requester(idempotencyKey, request), force));
    }

    /**
     * Hands back, oldest first, up to {@code limit} dead letters that match every filter given and have not been
     * redriven yet; {@code remaining} says how many more match.
     */
    @PostMapping("/redrive")
    BulkRedriveView redriveAll(@RequestParam(required = false) @Nullable String topic,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String exception,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            HttpServletRequest request) {
        int most = limit == null ? maxRedrive : limit;
        if (most < 1 || most > maxRedrive) {
            throw new InvalidParameterException("limit", "must be between 1 and " + maxRedrive);
        }
        return BulkRedriveView.of(deadLetters.redriveAll(new DeadLetterFilter(topic, type, exception, from, to,
                false), requester(idempotencyKey, request), most));
    }

    @ExceptionHandler(MalformedDeadLetterIdException.class)
    ResponseEntity<ProblemDetail> malformedId(MalformedDeadLetterIdException e) {
        return invalid("id", e.getMessage());
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e) {
        return invalid(e.parameter, e.getMessage());
    }

    @ExceptionHandler(UnknownDeadLetterException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownDeadLetterException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "unknown-dead-letter", "Unknown dead letter", e.getMessage()));
    }

    @ExceptionHandler(AlreadyRedrivenException.class)
    ResponseEntity<ProblemDetail> alreadyRedriven(AlreadyRedrivenException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "dead-letter-already-redriven",
                "Dead letter already redriven", e.getMessage());
        problem.setProperty("redrive", RedriveView.of(e.previous()));
        return respond(problem);
    }

    @ExceptionHandler(RedriveFailedException.class)
    ResponseEntity<ProblemDetail> redriveFailed(RedriveFailedException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "redrive-failed", "Redrive failed",
                "The dead letter could not be handed back; it stays as it was. Try again later.");
        problem.setProperty("redrive", RedriveView.of(e.redrive()));
        return respond(problem);
    }

    private RedriveRequest requester(@Nullable String idempotencyKey, HttpServletRequest request) {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        return new RedriveRequest(span == null ? null : span.context().traceId(), idempotencyKey,
                request.getRemoteAddr());
    }

    private static ResponseEntity<ProblemDetail> invalid(String field, @Nullable String message) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "The request is not valid.");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", String.valueOf(message))));
        return respond(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEM_TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** A query parameter out of its range. */
    static final class InvalidParameterException extends RuntimeException {

        private final String parameter;

        InvalidParameterException(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }
}
