package dev.eventshop.email.notification.web;

import dev.eventshop.web.Problems;
import dev.eventshop.web.Problems.FieldProblem;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problem details of the emails API's own failures. */
@RestControllerAdvice(assignableTypes = EmailController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EmailProblems {

    @ExceptionHandler
    ProblemDetail invalidOrderId(InvalidOrderIdException e) {
        return Problems.invalidRequest("The order id is not well formed.",
                List.of(new FieldProblem("orderId", e.getMessage())));
    }
}
