/** The catalog replica as the order-service's use cases see it: prices in, product states kept. */
@NullMarked
package dev.eventshop.order.catalog.application;

import org.jspecify.annotations.NullMarked;
