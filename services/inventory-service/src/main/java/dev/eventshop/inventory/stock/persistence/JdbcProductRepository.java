package dev.eventshop.inventory.stock.persistence;

import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import dev.eventshop.inventory.stock.application.ProductRepository;
import dev.eventshop.inventory.stock.domain.Product;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Products in {@code product}. Locks are row locks ({@code FOR UPDATE}) taken in SKU order: PostgreSQL locks the rows
 * of a sorted query in the order it returns them, so every transaction acquires them in the same order.
 */
@Repository
class JdbcProductRepository implements ProductRepository {

    private static final String SELECT = """
            SELECT sku, name, price, currency, available, reserved, version, published_version, updated_at
            FROM product
            """;

    private final JdbcClient jdbc;

    JdbcProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Product> findAll() {
        return jdbc.sql(SELECT + " ORDER BY sku").query(JdbcProductRepository::product).list();
    }

    @Override
    public Optional<Product> find(Sku sku) {
        return jdbc.sql(SELECT + " WHERE sku = :sku").param("sku", sku.value())
                .query(JdbcProductRepository::product).optional();
    }

    @Override
    public Optional<Product> lock(Sku sku) {
        return jdbc.sql(SELECT + " WHERE sku = :sku FOR UPDATE").param("sku", sku.value())
                .query(JdbcProductRepository::product).optional();
    }

    @Override
    public Map<Sku, Product> lockAll(Collection<Sku> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        Map<Sku, Product> locked = new LinkedHashMap<>();
        jdbc.sql(SELECT + " WHERE sku IN (:skus) ORDER BY sku FOR UPDATE")
                .param("skus", skus.stream().map(Sku::value).distinct().toList())
                .query(JdbcProductRepository::product)
                .list()
                .forEach(product -> locked.put(product.sku(), product));
        return locked;
    }

    @Override
    public List<Product> lockUnpublished() {
        return jdbc.sql(SELECT + " WHERE published_version < version ORDER BY sku FOR UPDATE")
                .query(JdbcProductRepository::product).list();
    }

    @Override
    public void update(Product product) {
        jdbc.sql("""
                UPDATE product
                SET available = :available, reserved = :reserved, version = :version,
                    published_version = :publishedVersion, updated_at = :updatedAt
                WHERE sku = :sku
                """)
                .param("sku", product.sku().value())
                .param("available", product.available())
                .param("reserved", product.reserved())
                .param("version", product.version())
                .param("publishedVersion", product.publishedVersion())
                .param("updatedAt", product.updatedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    private static Product product(ResultSet rs, int row) throws SQLException {
        return Product.restore(new Sku(rs.getString("sku")), rs.getString("name"),
                new Money(rs.getBigDecimal("price"), rs.getString("currency")), rs.getInt("available"),
                rs.getInt("reserved"), rs.getLong("version"), rs.getLong("published_version"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
