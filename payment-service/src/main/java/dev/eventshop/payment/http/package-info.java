/** The service's OpenAPI description; the shared HTTP edge (problem details, body limit) comes from service-web. */
@NullMarked
package dev.eventshop.payment.http;

import org.jspecify.annotations.NullMarked;
