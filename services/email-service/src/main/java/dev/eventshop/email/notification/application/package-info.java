/**
 * The use cases of emails: sending the one email an order's outcome calls for, at most once, and reading the log of
 * sent emails. The ports to the SMTP server, the database and the outbox are interfaces here, implemented at the edge.
 */
@NullMarked
package dev.eventshop.email.notification.application;

import org.jspecify.annotations.NullMarked;
