package dev.eventshop.messaging.errors;

/**
 * A dependency of a handler other than its database and broker (an SMTP server, a payment provider) cannot be reached
 * or refuses all work for now. It is the infrastructure's failure, not the record's: the handler throws this, with the
 * dependency's own exception as the cause, and the record is retried in place ({@link InPlaceRetries}) until the
 * dependency is back, instead of going through the retry topics to the dead-letter topic. Only for failures every
 * record would meet alike: one that a particular record causes (an address the server rejects) is the record's.
 */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
