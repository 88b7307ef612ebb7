package dev.eventshop.payment.account.web;

/** {@code asOf} is not an instant. */
class InvalidAsOfException extends RuntimeException {

    InvalidAsOfException() {
        super("must be an ISO-8601 instant such as 2026-11-22T10:00:00Z");
    }
}
