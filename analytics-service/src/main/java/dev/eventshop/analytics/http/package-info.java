/**
 * The service's own part of the HTTP edge: security headers for the dashboard and the OpenAPI document. Problem
 * details for every error come from the shared {@code service-web}.
 */
@NullMarked
package dev.eventshop.analytics.http;

import org.jspecify.annotations.NullMarked;
