package dev.eventshop.payment.charging.application;

/** What settling the payment of a cancelled order came to. */
public enum CancellationResult {
    /** The order was not charged yet, and now never will be. */
    VOIDED,
    /** The order's payment took no money (it failed, or was voided before): there is nothing to give back. */
    NOTHING_TAKEN,
    /** The order's payment had completed; its money went back into the account just now. */
    REFUNDED,
    /** The order's payment had completed and was refunded before. */
    REFUNDED_ALREADY
}
