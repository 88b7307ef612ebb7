package dev.eventshop.inventory;

import static dev.eventshop.inventory.SagaEvents.PRODUCT_UPDATED;
import static dev.eventshop.testsupport.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.EventJson;
import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import dev.eventshop.events.inventory.ProductUpdated;
import dev.eventshop.inventory.stock.application.ProductCatalog;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The product catalog topic, the source of every catalog replica: the seed products are on it from the first start,
 * a restart publishes nothing again, and a product changed behind the service's back (by a migration) is announced
 * without anyone touching it.
 */
class CatalogPublicationIT extends IntegrationTest {

    @Autowired
    ProductCatalog catalog;

    @Test
    void on_start_up_the_six_seed_products_are_on_the_product_catalog() {
        List<ProductUpdated> seeds = List.of(
                seed("KB-001", "Mechanical keyboard", "89.00", 100),
                seed("MS-002", "Wireless mouse", "29.00", 100),
                seed("MN-003", "27-inch monitor", "249.00", 50),
                seed("HB-004", "USB-C hub", "39.00", 100),
                seed("CB-005", "Limited edition cable", "9.00", 5),
                seed("LS-006", "Laptop stand", "45.00", 0));

        for (ProductUpdated seed : seeds) {
            ConsumerRecord<String, byte[]> first = awaitRecord(productCatalog, seed.sku().value(), PRODUCT_UPDATED);
            assertThat(header(first, "ce_source")).isEqualTo("/inventory-service");
            assertThat(header(first, "ce_subject")).isEqualTo(seed.sku().value());
            ProductUpdated published = EventJson.read(first.value(), ProductUpdated.class);
            assertThat(published).as("the first state of " + seed.sku())
                    .usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(seed);
            assertThat(outboxCount(seed.sku().value(), PRODUCT_UPDATED)).isPositive();
        }
    }

    @Test
    void a_restart_publishes_nothing_again() {
        await("every change announced").atMost(PATIENCE).until(this::nothingUnannounced);
        long published = catalogEventsInOutbox();

        assertThat(catalog.publishUnpublished()).isZero();
        assertThat(catalogEventsInOutbox()).isEqualTo(published);
    }

    @Test
    void a_product_changed_by_a_migration_is_announced_without_anyone_touching_it() {
        String sku = "MIGRATED-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO product (sku, name, price, currency, available, reserved, version, published_version,
                                     updated_at)
                VALUES (:sku, 'Old name', 1.00, 'EUR', 7, 0, 1, 1, clock_timestamp())
                """).param("sku", sku).update();
        jdbc.sql("UPDATE product SET name = 'New name', price = 2.50, version = version + 1 WHERE sku = :sku")
                .param("sku", sku).update();

        ProductUpdated published = EventJson.read(awaitRecord(productCatalog, sku, PRODUCT_UPDATED).value(),
                ProductUpdated.class);
        assertThat(published.name()).isEqualTo("New name");
        assertThat(published.price()).isEqualTo(Money.of("2.50", "EUR"));
        assertThat(published.available()).isEqualTo(7);
        assertThat(allPublished(productCatalog, sku, PRODUCT_UPDATED)).as("announced once").hasSize(1);
    }

    private boolean nothingUnannounced() {
        return jdbc.sql("SELECT count(*) FROM product WHERE published_version < version").query(Long.class).single()
                == 0;
    }

    private long catalogEventsInOutbox() {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE topic = 'product-catalog'").query(Long.class)
                .single();
    }

    private static ProductUpdated seed(String sku, String name, String price, int stock) {
        return new ProductUpdated(new Sku(sku), name, Money.of(price, "EUR"), stock, 0, Instant.EPOCH);
    }
}
