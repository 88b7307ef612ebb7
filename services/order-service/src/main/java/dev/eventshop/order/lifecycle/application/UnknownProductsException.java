package dev.eventshop.order.lifecycle.application;

import dev.eventshop.events.Sku;
import java.util.List;
import java.util.stream.Collectors;

/** An order names products the catalog does not know, so it cannot be priced. */
public class UnknownProductsException extends RuntimeException {

    private final List<Sku> skus;

    public UnknownProductsException(List<Sku> skus) {
        super("unknown SKU: " + skus.stream().map(Sku::value).collect(Collectors.joining(", ")));
        this.skus = List.copyOf(skus);
    }

    public List<Sku> skus() {
        return skus;
    }
}
