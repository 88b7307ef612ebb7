package dev.eventshop.order.catalog.persistence;

import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import dev.eventshop.events.inventory.ProductUpdated;
import dev.eventshop.order.catalog.application.CatalogReplica;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalog replica in {@code catalog_product}; only a newer state replaces a stored one. */
@Repository
class JdbcCatalogReplica implements CatalogReplica {

    private final JdbcClient jdbc;

    JdbcCatalogReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Sku, Money> pricesOf(Collection<Sku> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT sku, price, currency FROM catalog_product WHERE sku IN (:skus)")
                .param("skus", skus.stream().map(Sku::value).distinct().toList())
                .query((rs, row) -> Map.entry(new Sku(rs.getString("sku")),
                        new Money(rs.getBigDecimal("price"), rs.getString("currency"))))
                .stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public void save(ProductUpdated product) {
        jdbc.sql("""
                INSERT INTO catalog_product (sku, name, price, currency, updated_at)
                VALUES (:sku, :name, :price, :currency, :updatedAt)
                ON CONFLICT (sku) DO UPDATE
                SET name = EXCLUDED.name, price = EXCLUDED.price, currency = EXCLUDED.currency,
                    updated_at = EXCLUDED.updated_at
                WHERE catalog_product.updated_at <= EXCLUDED.updated_at
                """)
                .param("sku", product.sku().value())
                .param("name", product.name())
                .param("price", product.price().amount())
                .param("currency", product.price().currency())
                .param("updatedAt", product.updatedAt().atOffset(ZoneOffset.UTC))
                .update();
    }
}
