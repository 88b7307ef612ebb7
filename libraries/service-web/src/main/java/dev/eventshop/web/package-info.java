/**
 * The HTTP edge every service shares: problem details (RFC 9457) for every error, strict JSON, a body size limit.
 */
@NullMarked
package dev.eventshop.web;

import org.jspecify.annotations.NullMarked;
