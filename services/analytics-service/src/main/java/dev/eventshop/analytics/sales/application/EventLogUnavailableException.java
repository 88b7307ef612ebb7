package dev.eventshop.analytics.sales.application;

/** The topics could not be read to their end (the broker is unreachable, or reading stalled). */
public class EventLogUnavailableException extends RuntimeException {

    public EventLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventLogUnavailableException(String message) {
        super(message);
    }
}
