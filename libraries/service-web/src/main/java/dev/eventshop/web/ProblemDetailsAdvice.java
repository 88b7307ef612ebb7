package dev.eventshop.web;

import dev.eventshop.web.Problems.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every exception a request can raise into RFC 9457 problem details. Spring MVC's own exceptions (404, 405, 415,
 * ...) keep their status; bad input is a 400 that names the offending fields; anything unexpected is a 500 without
 * internals. Features map their own exceptions in advice of their own, which runs before this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), message(error)));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), message(error))));
        return problem(Problems.invalidRequest("The request body is not valid.", errors), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> errors.add(
                new FieldProblem(parameterName(result.getMethodParameter()), message(error)))));
        return problem(Problems.invalidRequest("The request is not valid.", errors), headers);
    }

    /** A parameter's name, as the client sent it; compiled with {@code -parameters}, every parameter has one. */
    private static String parameterName(MethodParameter parameter) {
        String name = parameter.getParameterName();
        return name == null ? "argument " + parameter.getParameterIndex() : name;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof DatabindException mapping && !mapping.getPath().isEmpty()) {
            return problem(Problems.invalidRequest("The request body does not have the expected shape.",
                    List.of(new FieldProblem(path(mapping.getPath()), "has the wrong type or format"))), headers);
        }
        if (cause instanceof InputCoercionException coercion && coercion.processor() != null) {
            String field = path(coercion.processor().streamReadContext().pathAsPointer());
            return problem(Problems.invalidRequest("The request body does not have the expected shape.",
                    List.of(new FieldProblem(field, "is out of range"))), headers);
        }
        String detail = cause instanceof JacksonException
                ? "The request body is not well-formed JSON."
                : "The request body is missing or cannot be read.";
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() == null ? "request" : e.getPropertyName();
        return problem(Problems.invalidRequest("The request is not valid.",
                List.of(new FieldProblem(field, "has the wrong type or format"))), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return problem(Problems.invalidRequest("The request is not valid.",
                List.of(new FieldProblem(e.getParameterName(), "is required"))), headers);
    }

    /** Whatever nothing else handled: a bug or an outage, not bad input. Logged in full, answered without details. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        return internalError(e);
    }

    static ResponseEntity<ProblemDetail> internalError(Exception e) {
        log.error("Request failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.plain(
                HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed. It has been logged."));
    }

    /** Spring MVC's own problems (404, 405, 415, ...) leave the type out; this service always names one. */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getType() == null) {
            problem.setType(Problems.PLAIN_HTTP);
        }
        return response;
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

    /** {@code items[0].quantity} for the JSON pointer {@code /items/0/quantity}. */
    private static String path(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer segment = pointer; !segment.matches(); segment = segment.tail()) {
            if (segment.getMatchingIndex() >= 0) {
                path.append('[').append(segment.getMatchingIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(segment.getMatchingProperty());
            }
        }
        return path.toString();
    }

    /** {@code items[0].quantity} for Jackson's path of references. */
    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
