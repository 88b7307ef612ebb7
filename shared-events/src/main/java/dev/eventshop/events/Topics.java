package dev.eventshop.events;

import java.util.List;
import java.util.Optional;

/** Every topic of the system, in one place. */
public final class Topics {

    /** The key of every topic about orders: each order's events stay in one partition, in order. */
    public static final String ORDER_ID = "order id";

    public static final Topic ORDER_EVENTS = new Topic("order-events", 3, false, ORDER_ID);
    public static final Topic INVENTORY_EVENTS = new Topic("inventory-events", 3, false, ORDER_ID);
    public static final Topic PAYMENT_EVENTS = new Topic("payment-events", 3, false, ORDER_ID);
    public static final Topic EMAIL_EVENTS = new Topic("email-events", 3, false, ORDER_ID);
    /** The latest state of each product; the source of every catalog replica. */
    public static final Topic PRODUCT_CATALOG = new Topic("product-catalog", 3, true, "sku");

    public static final List<Topic> ALL =
            List.of(ORDER_EVENTS, INVENTORY_EVENTS, PAYMENT_EVENTS, EMAIL_EVENTS, PRODUCT_CATALOG);

    private Topics() {
    }

    /** The topic of that name, if it is one of the system's. */
    public static Optional<Topic> named(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }
}
