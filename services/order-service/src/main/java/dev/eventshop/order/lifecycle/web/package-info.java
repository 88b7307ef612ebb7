/** The REST API of orders: requests, responses and their validation. */
@NullMarked
package dev.eventshop.order.lifecycle.web;

import org.jspecify.annotations.NullMarked;
