package dev.eventshop.events;

import static dev.eventshop.events.Sources.EMAIL_SERVICE;
import static dev.eventshop.events.Sources.INVENTORY_SERVICE;
import static dev.eventshop.events.Sources.ORDER_SERVICE;
import static dev.eventshop.events.Sources.PAYMENT_SERVICE;
import static dev.eventshop.events.Topics.EMAIL_EVENTS;
import static dev.eventshop.events.Topics.INVENTORY_EVENTS;
import static dev.eventshop.events.Topics.ORDER_EVENTS;
import static dev.eventshop.events.Topics.PAYMENT_EVENTS;
import static dev.eventshop.events.Topics.PRODUCT_CATALOG;

import dev.eventshop.events.email.EmailSent;
import dev.eventshop.events.inventory.ProductUpdated;
import dev.eventshop.events.inventory.StockReleased;
import dev.eventshop.events.inventory.StockReservationFailed;
import dev.eventshop.events.inventory.StockReserved;
import dev.eventshop.events.order.OrderCancelled;
import dev.eventshop.events.order.OrderConfirmed;
import dev.eventshop.events.order.OrderPlaced;
import dev.eventshop.events.payment.PaymentCompleted;
import dev.eventshop.events.payment.PaymentFailed;
import dev.eventshop.events.payment.PaymentRefunded;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one registry of event types: which wire name maps to which record, on which topic, from which service. Producers
 * look up by class, consumers by the {@code ce_type} header; nothing ever derives a wire name from a class name.
 */
public final class EventCatalog {

    public static final List<EventType> ALL = List.of(
            new EventType("dev.eventshop.order.placed.v1", OrderPlaced.class, ORDER_EVENTS, ORDER_SERVICE),
            new EventType("dev.eventshop.order.confirmed.v1", OrderConfirmed.class, ORDER_EVENTS, ORDER_SERVICE),
            new EventType("dev.eventshop.order.cancelled.v1", OrderCancelled.class, ORDER_EVENTS, ORDER_SERVICE),
            new EventType("dev.eventshop.inventory.stock-reserved.v1", StockReserved.class, INVENTORY_EVENTS,
                    INVENTORY_SERVICE),
            new EventType("dev.eventshop.inventory.stock-reservation-failed.v1", StockReservationFailed.class,
                    INVENTORY_EVENTS, INVENTORY_SERVICE),
            new EventType("dev.eventshop.inventory.stock-released.v1", StockReleased.class, INVENTORY_EVENTS,
                    INVENTORY_SERVICE),
            new EventType("dev.eventshop.inventory.product-updated.v1", ProductUpdated.class, PRODUCT_CATALOG,
                    INVENTORY_SERVICE),
            new EventType("dev.eventshop.payment.completed.v1", PaymentCompleted.class, PAYMENT_EVENTS,
                    PAYMENT_SERVICE),
            new EventType("dev.eventshop.payment.failed.v1", PaymentFailed.class, PAYMENT_EVENTS, PAYMENT_SERVICE),
            new EventType("dev.eventshop.payment.refunded.v1", PaymentRefunded.class, PAYMENT_EVENTS,
                    PAYMENT_SERVICE),
            new EventType("dev.eventshop.email.sent.v1", EmailSent.class, EMAIL_EVENTS, EMAIL_SERVICE));

    private static final Map<String, EventType> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private EventCatalog() {
    }

    /** The type a consumer should decode a record as, or empty for a {@code ce_type} this system does not know. */
    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The type of an event a producer is about to publish. */
    public static EventType of(IntegrationEvent event) {
        EventType type = BY_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not registered in the EventCatalog");
        }
        return type;
    }

    /** The types that travel on a topic. */
    public static List<EventType> on(Topic topic) {
        return ALL.stream().filter(type -> type.topic().equals(topic)).toList();
    }
}
