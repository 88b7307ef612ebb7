/**
 * The service's OpenAPI description; the shared HTTP edge (problem details for every error, strict JSON, the body
 * size limit) comes from service-web.
 */
@NullMarked
package dev.eventshop.inventory.http;

import org.jspecify.annotations.NullMarked;
