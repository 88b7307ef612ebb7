/** The use cases of payments: charging an order once, and reading an order's payment. */
@NullMarked
package dev.eventshop.payment.charging.application;

import org.jspecify.annotations.NullMarked;
