package dev.eventshop.order.lifecycle.web;

import dev.eventshop.events.Sku;
import dev.eventshop.order.lifecycle.application.UnknownProductsException;
import dev.eventshop.web.Problems;
import dev.eventshop.web.Problems.FieldProblem;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problem details of the orders API's own failures. */
@RestControllerAdvice(assignableTypes = OrderController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblems {

    @ExceptionHandler
    ProblemDetail unknownProducts(UnknownProductsException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-sku", "Unknown SKU",
                "The catalog does not know " + e.skus().stream().map(Sku::value).collect(Collectors.joining(", "))
                        + ".");
        problem.setProperty("unknownSkus", e.skus().stream().map(Sku::value).toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidOrderId(InvalidOrderIdException e) {
        return Problems.invalidRequest("The order id is not well formed.",
                List.of(new FieldProblem("orderId", e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail notFound(OrderNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", e.getMessage());
    }
}
