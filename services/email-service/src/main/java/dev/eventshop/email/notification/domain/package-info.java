/**
 * What the customer is told about an order and how: the order's outcome, the email that says it (plain text and HTML)
 * and the address it goes to. Plain Java, free of Spring, Kafka, JDBC and mail types.
 */
@NullMarked
package dev.eventshop.email.notification.domain;

import org.jspecify.annotations.NullMarked;
