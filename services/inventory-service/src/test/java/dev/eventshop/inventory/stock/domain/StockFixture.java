package dev.eventshop.inventory.stock.domain;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Products, requests and reservations for tests of the stock rules. */
final class StockFixture {

    static final Instant BEFORE = Instant.parse("2026-11-22T09:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant LATER = NOW.plusSeconds(5);
    static final CustomerId ALICE = new CustomerId("alice");

    private StockFixture() {
    }

    /** A product with its state published: {@code available} units, none reserved. */
    static Product product(String sku, int available) {
        return Product.restore(new Sku(sku), "Product " + sku, Money.of("9.00", "EUR"), available, 0, 1, 1, BEFORE);
    }

    /** The products as a caller passes them in, having locked them. */
    static Map<Sku, Product> stock(Product... products) {
        Map<Sku, Product> stock = new LinkedHashMap<>();
        Arrays.stream(products).forEach(product -> stock.put(product.sku(), product));
        return stock;
    }

    static StockItem item(String sku, int quantity) {
        return new StockItem(new Sku(sku), quantity);
    }

    static StockRequest request(StockItem... items) {
        return StockRequest.of(List.of(items));
    }

    static Sku sku(String sku) {
        return new Sku(sku);
    }

    /** A reservation that holds {@code quantity} of each product for a new order. */
    static Reservation reserved(Map<Sku, Product> stock, int quantity) {
        StockItem[] items = stock.keySet().stream().map(sku -> new StockItem(sku, quantity)).toArray(StockItem[]::new);
        Reservation.Placement placement = Reservation.place(OrderId.newId(), ALICE, request(items), stock, NOW);
        if (!placement.reservation().holdsStock()) {
            throw new IllegalStateException("the fixture's stock is too small: " + placement.outcome());
        }
        return placement.reservation();
    }
}
