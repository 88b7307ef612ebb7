package dev.eventshop.inventory;

import static dev.eventshop.inventory.SagaEvents.PRODUCT_UPDATED;
import static dev.eventshop.testsupport.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.EventJson;
import dev.eventshop.events.Money;
import dev.eventshop.events.inventory.ProductUpdated;
import dev.eventshop.inventory.stock.domain.Product;
import dev.eventshop.testsupport.Http;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The products API: the catalog with prices and stock, and restocking, which publishes the product's new state. */
class ProductApiIT extends IntegrationTest {

    @Test
    void lists_the_seed_products_by_sku_with_prices_as_decimal_strings() {
        Http.Response response = http.get("/products");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        List<JsonNode> seeds = response.json().valueStream()
                .filter(product -> product.get("sku").asString().matches("[A-Z]{2}-00[1-6]"))
                .toList();
        assertThat(seeds).extracting(product -> product.get("sku").asString())
                .containsExactly("CB-005", "HB-004", "KB-001", "LS-006", "MN-003", "MS-002");
        assertThat(seeds).extracting(product -> product.get("name").asString()).containsExactly(
                "Limited edition cable", "USB-C hub", "Mechanical keyboard", "Laptop stand", "27-inch monitor",
                "Wireless mouse");
        assertThat(seeds).extracting(product -> product.get("price").asString())
                .containsExactly("9.00", "39.00", "89.00", "45.00", "249.00", "29.00");
        assertThat(seeds).allSatisfy(product -> assertThat(product.get("currency").asString()).isEqualTo("EUR"));
    }

    @Test
    void shows_one_product_with_its_stock() {
        Http.Response response = http.get("/products/LS-006");

        assertThat(response.status()).isEqualTo(200);
        JsonNode product = response.json();
        assertThat(product.propertyNames()).containsExactly("sku", "name", "price", "currency", "available",
                "reserved");
        assertThat(product.get("sku").asString()).isEqualTo("LS-006");
        assertThat(product.get("name").asString()).isEqualTo("Laptop stand");
        assertThat(product.get("price").isString()).isTrue();
        assertThat(product.get("price").asString()).isEqualTo("45.00");
        assertThat(product.get("available").asInt()).isZero();
        assertThat(product.get("reserved").asInt()).isZero();
    }

    @Test
    void a_restock_adds_available_stock_and_publishes_the_products_new_state() {
        Stock before = stock("HB-004");

        Http.Response response = http.postJson("/products/HB-004/restock", "{\"quantity\": 10}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("available").asInt()).isEqualTo(before.available() + 10);
        assertThat(response.json().get("reserved").asInt()).isEqualTo(before.reserved());
        assertThat(stock("HB-004")).isEqualTo(new Stock(before.available() + 10, before.reserved()));
        ConsumerRecord<String, byte[]> record = allPublished(productCatalog, "HB-004", PRODUCT_UPDATED).getLast();
        assertThat(record.key()).isEqualTo("HB-004");
        assertThat(header(record, "ce_source")).isEqualTo("/inventory-service");
        assertThat(header(record, "ce_subject")).isEqualTo("HB-004");
        assertThat(header(record, "traceparent")).as("the trace of the request").isNotBlank();
        ProductUpdated state = EventJson.read(record.value(), ProductUpdated.class);
        assertThat(state.name()).isEqualTo("USB-C hub");
        assertThat(state.price()).isEqualTo(Money.of("39.00", "EUR"));
        assertThat(state.available()).isEqualTo(before.available() + 10);
        assertThat(state.reserved()).isEqualTo(before.reserved());
    }

    @Test
    void answers_404_for_a_product_it_does_not_have() {
        Http.Response shown = http.get("/products/NOPE-404");
        Http.Response restocked = http.postJson("/products/NOPE-404/restock", "{\"quantity\": 1}");

        assertThat(List.of(shown, restocked)).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("type").asString())
                    .isEqualTo("https://eventshop.dev/problems/product-not-found");
            assertThat(response.json().get("detail").asString()).contains("NOPE-404");
        });
    }

    @Test
    void refuses_a_restock_past_the_stock_limit_with_409_and_changes_nothing() {
        String sku = "BULK-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO product (sku, name, price, currency, available, reserved, version, published_version,
                                     updated_at)
                VALUES (:sku, 'Bulk', 1.00, 'EUR', :available, 0, 1, 1, clock_timestamp())
                """)
                .param("sku", sku).param("available", Product.MAX_STOCK - 5).update();

        Http.Response response = http.postJson("/products/" + sku + "/restock", "{\"quantity\": 6}");

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString())
                .isEqualTo("https://eventshop.dev/problems/stock-limit-exceeded");
        assertThat(stock(sku)).isEqualTo(new Stock(Product.MAX_STOCK - 5, 0));
        assertThat(outboxCount(sku, PRODUCT_UPDATED)).isZero();
    }
}
