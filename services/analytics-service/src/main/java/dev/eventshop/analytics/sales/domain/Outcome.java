package dev.eventshop.analytics.sales.domain;

/** How an order ended, as far as the analytics knows. */
public enum Outcome {
    PENDING,
    CONFIRMED,
    CANCELLED
}
