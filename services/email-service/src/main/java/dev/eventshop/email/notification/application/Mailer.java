package dev.eventshop.email.notification.application;

import dev.eventshop.email.notification.domain.Email;

/** Hands emails to an SMTP server. */
public interface Mailer {

    /**
     * Sends an email; returns once the SMTP server has accepted it for delivery.
     *
     * @throws MailerException when it did not accept it, or it cannot be told whether it did
     */
    void send(Email email);
}
