/** The SMTP edge: emails as multipart MIME messages through Spring's {@code JavaMailSender}. */
@NullMarked
package dev.eventshop.email.notification.smtp;

import org.jspecify.annotations.NullMarked;
