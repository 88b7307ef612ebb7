package dev.eventshop.analytics.sales.domain;

/**
 * How many orders reached each step of the saga that the inventory, payment and email topics report.
 *
 * @param stockReserved orders whose every line the inventory held
 * @param paymentCompleted orders the customer paid for
 * @param customerNotified orders whose customer was emailed the outcome
 */
public record SagaSteps(long stockReserved, long paymentCompleted, long customerNotified) {
}
