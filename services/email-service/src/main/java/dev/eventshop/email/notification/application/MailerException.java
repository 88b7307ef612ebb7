package dev.eventshop.email.notification.application;

/**
 * An email could not be sent. Whether the SMTP server may have accepted it all the same matters to whoever sends it
 * again: a connection that was refused, or a server that answered with an error, proves it did not; a connection
 * lost in the middle of the conversation proves nothing. Whether the server is unavailable matters to when: a server
 * that cannot be reached, or turns every email away for now, is waited for; an email it rejects is the email's fault.
 */
public class MailerException extends RuntimeException {

    private final boolean mayHaveBeenDelivered;
    private final boolean serverUnavailable;

    private MailerException(String message, Throwable cause, boolean mayHaveBeenDelivered, boolean serverUnavailable) {
        super(message, cause);
        this.mayHaveBeenDelivered = mayHaveBeenDelivered;
        this.serverUnavailable = serverUnavailable;
    }

    /** The SMTP server certainly did not accept this email. */
    public static MailerException notDelivered(String message, Throwable cause) {
        return new MailerException(message, cause, false, false);
    }

    /**
     * The SMTP server could not be reached, or turned the email away for reasons of its own (a refused login, a
     * service closing down), and certainly did not accept it: any other email would have failed alike.
     */
    public static MailerException serverUnavailable(String message, Throwable cause) {
        return new MailerException(message, cause, false, true);
    }

    /** The SMTP server may or may not have accepted the email. */
    public static MailerException outcomeUnknown(String message, Throwable cause) {
        return new MailerException(message, cause, true, false);
    }

    public boolean mayHaveBeenDelivered() {
        return mayHaveBeenDelivered;
    }

    public boolean serverUnavailable() {
        return serverUnavailable;
    }
}
