/** The Kafka edge of emails: order outcomes in through the idempotent consumer, {@code EmailSent} out through the outbox. */
@NullMarked
package dev.eventshop.email.notification.messaging;

import org.jspecify.annotations.NullMarked;
