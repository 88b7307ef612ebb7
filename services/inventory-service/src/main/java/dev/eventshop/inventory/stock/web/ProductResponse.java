package dev.eventshop.inventory.stock.web;

import dev.eventshop.inventory.stock.domain.Product;

/**
 * A product as the API shows it: the price as a decimal string ({@code "89.00"}) in {@code currency}, {@code available}
 * units that can be sold, {@code reserved} units held for orders in flight.
 */
record ProductResponse(String sku, String name, String price, String currency, int available, int reserved) {

    static ProductResponse of(Product product) {
        return new ProductResponse(product.sku().value(), product.name(), product.price().amount().toPlainString(),
                product.price().currency(), product.available(), product.reserved());
    }
}
