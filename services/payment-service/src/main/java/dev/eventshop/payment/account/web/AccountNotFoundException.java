package dev.eventshop.payment.account.web;

import dev.eventshop.events.CustomerId;
import java.time.Instant;

/** The customer has no account, or had none yet at the instant asked for. */
class AccountNotFoundException extends RuntimeException {

    AccountNotFoundException(CustomerId id) {
        super("There is no account " + id + ".");
    }

    AccountNotFoundException(CustomerId id, Instant asOf) {
        super("There was no account " + id + " at " + asOf + ".");
    }
}
