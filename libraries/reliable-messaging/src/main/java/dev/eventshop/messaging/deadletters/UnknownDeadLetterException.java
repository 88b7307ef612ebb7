package dev.eventshop.messaging.deadletters;

/** No dead-letter topic of this service holds a record at that place. */
public class UnknownDeadLetterException extends RuntimeException {

    public UnknownDeadLetterException(DeadLetterId id) {
        super("This service has no dead letter " + id + ".");
    }
}
