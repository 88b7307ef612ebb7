package dev.eventshop.inventory.stock.domain;

import dev.eventshop.events.Sku;

/** A restock would take a product past the most stock the inventory keeps of one product. */
public class StockLimitExceededException extends RuntimeException {

    private final Sku sku;

    public StockLimitExceededException(Sku sku, long wouldBe) {
        super(sku + " would have " + wouldBe + " units in stock; the most is " + Product.MAX_STOCK + ".");
        this.sku = sku;
    }

    public Sku sku() {
        return sku;
    }
}
