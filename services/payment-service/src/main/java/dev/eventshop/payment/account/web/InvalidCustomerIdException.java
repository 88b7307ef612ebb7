package dev.eventshop.payment.account.web;

/** A path names an account with something that cannot be a customer id. */
class InvalidCustomerIdException extends RuntimeException {

    InvalidCustomerIdException() {
        super("must not be blank nor longer than " + AccountController.MAX_CUSTOMER_ID_LENGTH + " characters");
    }
}
