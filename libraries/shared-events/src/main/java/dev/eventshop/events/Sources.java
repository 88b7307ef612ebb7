package dev.eventshop.events;

/** The CloudEvents {@code source} of each producing service. */
public final class Sources {

    public static final String ORDER_SERVICE = "/order-service";
    public static final String INVENTORY_SERVICE = "/inventory-service";
    public static final String PAYMENT_SERVICE = "/payment-service";
    public static final String EMAIL_SERVICE = "/email-service";

    private Sources() {
    }
}
