/**
 * The email-service: mails customers when their orders are confirmed or cancelled, at most once each, and keeps the
 * log of what it sent.
 */
@NullMarked
package dev.eventshop.email;

import org.jspecify.annotations.NullMarked;
