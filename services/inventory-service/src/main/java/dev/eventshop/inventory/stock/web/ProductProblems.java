package dev.eventshop.inventory.stock.web;

import dev.eventshop.inventory.stock.application.UnknownProductException;
import dev.eventshop.inventory.stock.domain.StockLimitExceededException;
import dev.eventshop.web.Problems;
import dev.eventshop.web.Problems.FieldProblem;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problem details of the products API's own failures. */
@RestControllerAdvice(assignableTypes = ProductController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProductProblems {

    @ExceptionHandler
    ProblemDetail notFound(UnknownProductException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "product-not-found", "Product not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidSku(InvalidSkuException e) {
        return Problems.invalidRequest("The SKU is not well formed.", List.of(new FieldProblem("sku", e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail stockLimit(StockLimitExceededException e) {
        return Problems.of(HttpStatus.CONFLICT, "stock-limit-exceeded", "Stock limit exceeded", e.getMessage());
    }
}
