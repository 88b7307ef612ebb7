/** The auto-configuration and typed settings ({@code eventshop.messaging.*}) of the library. */
@NullMarked
package dev.eventshop.messaging.config;

import org.jspecify.annotations.NullMarked;
