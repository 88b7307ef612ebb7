/** Payments in PostgreSQL, through plain JDBC. */
@NullMarked
package dev.eventshop.payment.payment.persistence;

import org.jspecify.annotations.NullMarked;
