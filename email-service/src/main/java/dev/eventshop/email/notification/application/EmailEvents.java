package dev.eventshop.email.notification.application;

import dev.eventshop.email.notification.domain.SentEmail;

/** Tells the other services about sent emails, if and only if the caller's transaction commits. */
public interface EmailEvents {

    void emailSent(SentEmail email);
}
