package dev.eventshop.inventory.stock.domain;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.OrderId;
import java.time.Instant;
import java.util.List;

/**
 * What happened to an order's reservation, as the aggregate reports it from a transition. The application layer turns
 * these into integration events; the domain knows nothing of topics or wire formats.
 */
public sealed interface ReservationEvent {

    OrderId orderId();

    Instant occurredAt();

    /** How a placed order was answered: every item held, or none. */
    sealed interface Outcome extends ReservationEvent {
    }

    /** Every item of the order is held. */
    record Reserved(OrderId orderId, CustomerId customerId, List<StockItem> items, Instant occurredAt)
            implements Outcome {

        public Reserved {
            items = List.copyOf(items);
        }
    }

    /**
     * Nothing is held for the order. {@code shortages} names the products that were short; it is empty when the
     * order had been withdrawn before it arrived, so that no product was short but nothing may be held either.
     */
    record Failed(OrderId orderId, List<Shortage> shortages, Instant occurredAt) implements Outcome {

        public Failed {
            shortages = List.copyOf(shortages);
        }
    }

    /** The items held for the order are available again. */
    record Released(OrderId orderId, List<StockItem> items, Instant occurredAt) implements ReservationEvent {

        public Released {
            items = List.copyOf(items);
        }
    }

    /** The items held for the order were sold. */
    record Committed(OrderId orderId, List<StockItem> items, Instant occurredAt) implements ReservationEvent {

        public Committed {
            items = List.copyOf(items);
        }
    }
}
