package dev.eventshop.inventory.stock.domain;

import dev.eventshop.events.Sku;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an order asks of the stock: each product once, with the quantity of all its lines together, in SKU order.
 * Merging matters: two lines of 3 and 2 of a product with 4 left must fail, though each line alone would fit.
 */
public record StockRequest(List<StockItem> items) {

    public StockRequest {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a stock request asks for at least one product");
        }
        if (items.stream().map(StockItem::sku).distinct().count() != items.size()) {
            throw new IllegalArgumentException("a stock request names each product once: " + items);
        }
    }

    /** The request for an order's lines, with the lines of one product added up. */
    public static StockRequest of(List<StockItem> lines) {
        Map<Sku, Integer> quantities = new LinkedHashMap<>();
        for (StockItem line : lines) {
            quantities.merge(line.sku(), line.quantity(), Math::addExact);
        }
        return new StockRequest(quantities.entrySet().stream()
                .map(entry -> new StockItem(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(item -> item.sku().value()))
                .toList());
    }

    public List<Sku> skus() {
        return items.stream().map(StockItem::sku).toList();
    }
}
