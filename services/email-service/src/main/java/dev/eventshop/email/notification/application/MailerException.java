package dev.eventshop.email.notification.application;

/**
 * An email could not be sent. Whether the SMTP server may have accepted it all the same matters to whoever sends it
 * again: a connection that was refused, or a server that answered with an error, proves it did not; a connection
 * lost in the middle of the conversation proves nothing.
 */
public class MailerException extends RuntimeException {

    private final boolean mayHaveBeenDelivered;

    private MailerException(String message, Throwable cause, boolean mayHaveBeenDelivered) {
        super(message, cause);
        this.mayHaveBeenDelivered = mayHaveBeenDelivered;
    }

    /** The SMTP server certainly did not accept the email. */
    public static MailerException notDelivered(String message, Throwable cause) {
        return new MailerException(message, cause, false);
    }

    /** The SMTP server may or may not have accepted the email. */
    public static MailerException outcomeUnknown(String message, Throwable cause) {
        return new MailerException(message, cause, true);
    }

    public boolean mayHaveBeenDelivered() {
        return mayHaveBeenDelivered;
    }
}
