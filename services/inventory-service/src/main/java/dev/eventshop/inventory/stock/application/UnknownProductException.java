package dev.eventshop.inventory.stock.application;

import dev.eventshop.events.Sku;

/** No product has this SKU. */
public class UnknownProductException extends RuntimeException {

    private final Sku sku;

    public UnknownProductException(Sku sku) {
        super("There is no product " + sku + ".");
        this.sku = sku;
    }

    public Sku sku() {
        return sku;
    }
}
