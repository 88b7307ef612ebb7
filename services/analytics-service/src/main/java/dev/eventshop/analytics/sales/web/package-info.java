/** The REST API of the read models: the summary, and the rebuild. */
@NullMarked
package dev.eventshop.analytics.sales.web;

import org.jspecify.annotations.NullMarked;
