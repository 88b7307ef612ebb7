package dev.eventshop.email.notification.domain;

/** Why an order was cancelled, as the customer reads it. */
public enum CancellationReason {
    OUT_OF_STOCK("one of the items is out of stock"),
    PAYMENT_DECLINED("the payment was declined");

    private final String inWords;

    CancellationReason(String inWords) {
        this.inWords = inWords;
    }

    /** The reason as the end of a sentence: "... was cancelled because {@code inWords}." */
    public String inWords() {
        return inWords;
    }
}
