/** The HTTP edge shared by every feature: every error as RFC 9457 problem details, and the request body size limit. */
@NullMarked
package dev.eventshop.order.http;

import org.jspecify.annotations.NullMarked;
