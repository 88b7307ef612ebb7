/**
 * What the analytics knows and what it reports, free of any framework: facts gathered per order and per product that
 * merge the same whatever the order of arrival, and the summary built from them.
 */
@NullMarked
package dev.eventshop.analytics.sales.domain;

import org.jspecify.annotations.NullMarked;
