/** The REST API of the sent-email log. */
@NullMarked
package dev.eventshop.email.notification.web;

import org.jspecify.annotations.NullMarked;
