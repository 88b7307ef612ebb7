package dev.eventshop.events;

import java.util.List;

/** Every topic of the system, in one place. */
public final class Topics {

    public static final Topic ORDER_EVENTS = new Topic("order-events", 3, false, "order id");
    public static final Topic INVENTORY_EVENTS = new Topic("inventory-events", 3, false, "order id");
    public static final Topic PAYMENT_EVENTS = new Topic("payment-events", 3, false, "order id");
    public static final Topic EMAIL_EVENTS = new Topic("email-events", 3, false, "order id");
    /** The latest state of each product; the source of every catalog replica. */
    public static final Topic PRODUCT_CATALOG = new Topic("product-catalog", 3, true, "sku");

    public static final List<Topic> ALL =
            List.of(ORDER_EVENTS, INVENTORY_EVENTS, PAYMENT_EVENTS, EMAIL_EVENTS, PRODUCT_CATALOG);

    private Topics() {
    }
}
