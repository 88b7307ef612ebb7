package dev.eventshop.order.lifecycle.application;

import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import dev.eventshop.order.catalog.application.CatalogReplica;
import dev.eventshop.order.lifecycle.domain.Order;
import dev.eventshop.order.lifecycle.domain.OrderLine;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Places orders: prices them from the catalog, stores them and emits {@code OrderPlaced}, all in one transaction. */
@Service
public class OrderPlacement {

    private static final Logger log = LoggerFactory.getLogger(OrderPlacement.class);

    private final OrderRepository orders;
    private final CatalogReplica catalog;
    private final OrderEventEmitter events;
    private final Clock clock;

    OrderPlacement(OrderRepository orders, CatalogReplica catalog, OrderEventEmitter events, Clock clock) {
        this.orders = orders;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Places an order as {@code PENDING}; the saga takes it from there.
     *
     * @throws UnknownProductsException when the catalog does not know an item's SKU
     */
    @Transactional
    public Order place(PlaceOrder command) {
        Order order = Order.place(command.orderId(), command.customerId(), priced(command.items()), clock.instant());
        orders.insert(order);
        events.emit(order.id(), IntegrationEvents.placed(order), order.createdAt());
        log.info("Order placed for {}: {} line(s), {}", order.customerId(), order.lines().size(), order.total());
        return order;
    }

    private List<OrderLine> priced(List<PlaceOrder.Item> items) {
        Map<Sku, Money> prices = catalog.pricesOf(items.stream().map(PlaceOrder.Item::sku).toList());
        List<Sku> unknown = items.stream().map(PlaceOrder.Item::sku).filter(sku -> !prices.containsKey(sku)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownProductsException(unknown);
        }
        return items.stream().map(item -> new OrderLine(item.sku(), item.quantity(),
                Objects.requireNonNull(prices.get(item.sku()), item.sku().value()))).toList();
    }
}
