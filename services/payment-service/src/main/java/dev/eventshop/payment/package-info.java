/**
 * The payment-service: keeps customer accounts as an event-sourced ledger and charges each order once, when its
 * stock is reserved.
 */
@NullMarked
package dev.eventshop.payment;

import org.jspecify.annotations.NullMarked;
