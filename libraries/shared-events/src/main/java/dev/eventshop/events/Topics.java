package dev.eventshop.events;

import java.util.List;
import java.util.Optional;

/** Every topic of the system, in one place. */
public final class Topics {

    /** The key of every topic about orders: each order's events stay in one partition, in order. */
    public static final String ORDER_ID = "order id";

    public static final Topic ORDER_EVENTS = new Topic(Names.ORDER_EVENTS, 3, false, ORDER_ID);
    public static final Topic INVENTORY_EVENTS = new Topic(Names.INVENTORY_EVENTS, 3, false, ORDER_ID);
    public static final Topic PAYMENT_EVENTS = new Topic(Names.PAYMENT_EVENTS, 3, false, ORDER_ID);
    public static final Topic EMAIL_EVENTS = new Topic(Names.EMAIL_EVENTS, 3, false, ORDER_ID);
    /** The latest state of each product; the source of every catalog replica. */
    public static final Topic PRODUCT_CATALOG = new Topic(Names.PRODUCT_CATALOG, 3, true, "sku");

    public static final List<Topic> ALL =
            List.of(ORDER_EVENTS, INVENTORY_EVENTS, PAYMENT_EVENTS, EMAIL_EVENTS, PRODUCT_CATALOG);

    private Topics() {
    }

    /** The topics' names as compile-time constants, for annotations: {@code @KafkaListener(topics = ...)}. */
    public static final class Names {

        public static final String ORDER_EVENTS = "order-events";
        public static final String INVENTORY_EVENTS = "inventory-events";
        public static final String PAYMENT_EVENTS = "payment-events";
        public static final String EMAIL_EVENTS = "email-events";
        public static final String PRODUCT_CATALOG = "product-catalog";

        private Names() {
        }
    }

    /** The topic of that name, if it is one of the system's. */
    public static Optional<Topic> named(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }
}
