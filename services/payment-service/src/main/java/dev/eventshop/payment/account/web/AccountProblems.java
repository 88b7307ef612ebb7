package dev.eventshop.payment.account.web;

import dev.eventshop.payment.account.application.ConcurrentLedgerUpdateException;
import dev.eventshop.payment.account.domain.CurrencyMismatchException;
import dev.eventshop.web.Problems;
import dev.eventshop.web.Problems.FieldProblem;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problem details of the accounts API's own failures. */
@RestControllerAdvice(assignableTypes = AccountController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountProblems {

    @ExceptionHandler
    ProblemDetail notFound(AccountNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "account-not-found", "Account not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidCustomerId(InvalidCustomerIdException e) {
        return Problems.invalidRequest("The customer id is not valid.",
                List.of(new FieldProblem("customerId", e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail invalidAsOf(InvalidAsOfException e) {
        return Problems.invalidRequest("The query is not valid.", List.of(new FieldProblem("asOf", e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail currencyMismatch(CurrencyMismatchException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "currency-mismatch",
                "Currency mismatch", e.getMessage() + " Deposit in " + e.accountCurrency() + ".");
        problem.setProperty("accountCurrency", e.accountCurrency());
        return problem;
    }

    /** Other writers kept changing the account while the deposit was decided; nothing was recorded. */
    @ExceptionHandler
    ProblemDetail busy(ConcurrentLedgerUpdateException e) {
        return Problems.of(HttpStatus.CONFLICT, "account-busy", "Account busy",
                "The account changed while the deposit was being recorded, and nothing was recorded. Try again.");
    }
}
