/** The service's OpenAPI description; the shared HTTP edge (problem details) comes from service-web. */
@NullMarked
package dev.eventshop.email.http;

import org.jspecify.annotations.NullMarked;
