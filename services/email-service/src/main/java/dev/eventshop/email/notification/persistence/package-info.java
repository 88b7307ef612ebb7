/** The sent-email log and the attempt log in PostgreSQL, through plain JDBC. */
@NullMarked
package dev.eventshop.email.notification.persistence;

import org.jspecify.annotations.NullMarked;
