package dev.eventshop.email.notification.domain;

/** Why an order was cancelled, as the customer reads it, and what became of their money. */
public enum CancellationReason {
    OUT_OF_STOCK("one of the items is out of stock", "Nothing has been charged."),
    PAYMENT_DECLINED("the payment was declined", "Nothing has been charged."),
    // The payment may still go through after the cancellation; the payment-service then refunds it.
    TIMED_OUT("we could not complete it in time",
            "Should a payment for it go through after all, it will be refunded in full.");

    private final String inWords;
    private final String money;

    CancellationReason(String inWords, String money) {
        this.inWords = inWords;
        this.money = money;
    }

    /** The reason as the end of a sentence: "... was cancelled because {@code inWords}." */
    public String inWords() {
        return inWords;
    }

    /** What became of the customer's money, as a sentence. */
    public String money() {
        return money;
    }
}
