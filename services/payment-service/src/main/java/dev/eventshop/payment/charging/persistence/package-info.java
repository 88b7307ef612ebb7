/** Payments in PostgreSQL, through plain JDBC. */
@NullMarked
package dev.eventshop.payment.charging.persistence;

import org.jspecify.annotations.NullMarked;
