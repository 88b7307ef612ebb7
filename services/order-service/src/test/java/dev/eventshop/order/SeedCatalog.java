package dev.eventshop.order;

import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import dev.eventshop.events.inventory.ProductUpdated;
import java.time.Instant;
import java.util.List;

/** The contract's seed products. Until an inventory-service publishes the catalog, tests publish it themselves. */
public final class SeedCatalog {

    public static final List<ProductUpdated> PRODUCTS = List.of(
            product("KB-001", "Mechanical keyboard", "89.00", 100),
            product("MS-002", "Wireless mouse", "29.00", 100),
            product("MN-003", "27-inch monitor", "249.00", 50),
            product("HB-004", "USB-C hub", "39.00", 100),
            product("CB-005", "Limited edition cable", "9.00", 5),
            product("LS-006", "Laptop stand", "45.00", 0));

    private SeedCatalog() {
    }

    private static ProductUpdated product(String sku, String name, String price, int stock) {
        return new ProductUpdated(new Sku(sku), name, Money.of(price, "EUR"), stock, 0,
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
