package dev.eventshop.payment.charging.web;

import dev.eventshop.web.Problems;
import dev.eventshop.web.Problems.FieldProblem;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problem details of the payments API's own failures. */
@RestControllerAdvice(assignableTypes = PaymentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentProblems {

    @ExceptionHandler
    ProblemDetail invalidOrderId(InvalidOrderIdException e) {
        return Problems.invalidRequest("The order id is not well formed.",
                List.of(new FieldProblem("orderId", e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail notFound(PaymentNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "payment-not-found", "Payment not found", e.getMessage());
    }
}
