package dev.eventshop.messaging.deadletters;

/** A dead letter's id that is not {@code <topic>-<partition>-<offset>}. */
public class MalformedDeadLetterIdException extends RuntimeException {

    public MalformedDeadLetterIdException(String id) {
        super("'" + id + "' is not a dead letter's id, <dead-letter topic>-<partition>-<offset>");
    }
}
