package dev.eventshop.payment.charging.domain;

/** Why a payment failed. */
public enum DeclineReason {
    /** The account holds less than the amount, or no money in its currency at all. */
    INSUFFICIENT_FUNDS,
    /** The customer has no account, and so no money. */
    UNKNOWN_CUSTOMER
}
