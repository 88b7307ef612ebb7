/**
 * The dashboard at {@code /}: a static page (under {@code static/}) that draws the summary as charts, and the stream of
 * server-sent events that keeps it live.
 */
@NullMarked
package dev.eventshop.analytics.dashboard;

import org.jspecify.annotations.NullMarked;
