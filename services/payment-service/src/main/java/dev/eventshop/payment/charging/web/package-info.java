/** The REST API of payments: the payment of an order. */
@NullMarked
package dev.eventshop.payment.charging.web;

import org.jspecify.annotations.NullMarked;
