package dev.eventshop.events;

/** A record's value cannot be decoded as the event its headers name: retrying will not help. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedEventException(String message) {
        super(message);
    }
}
