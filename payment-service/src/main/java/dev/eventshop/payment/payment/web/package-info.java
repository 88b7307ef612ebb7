/** The REST API of payments: the payment of an order. */
@NullMarked
package dev.eventshop.payment.payment.web;

import org.jspecify.annotations.NullMarked;
