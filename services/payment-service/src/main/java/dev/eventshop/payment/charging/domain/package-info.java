/** Payments: at most one per order, completed by a debit of the customer's account or failed for a reason. */
@NullMarked
package dev.eventshop.payment.charging.domain;

import org.jspecify.annotations.NullMarked;
