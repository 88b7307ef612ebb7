package dev.eventshop.inventory;

import static dev.eventshop.inventory.SagaEvents.PRODUCT_UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.testsupport.Http;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} on restocks: a retried restock gets the first answer again, and adds and publishes nothing a
 * second time. Each test restocks products of its own.
 */
class IdempotentRestockIT extends IntegrationTest {

    private static final String KEY = "Idempotency-Key";

    @Test
    void a_retried_restock_gets_the_first_answer_again_and_adds_stock_once() {
        String sku = newProduct();
        String key = UUID.randomUUID().toString();

        Http.Response first = http.postJson(restockOf(sku), "{\"quantity\": 5}", KEY, key);
        Http.Response retry = http.postJson(restockOf(sku), "{ \"quantity\" : 5 }", KEY, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.body()).as("the same bytes").isEqualTo(first.body());
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(stock(sku)).isEqualTo(new Stock(5, 0));
        assertThat(outboxCount(sku, PRODUCT_UPDATED)).isEqualTo(1);
    }

    @Test
    void refuses_the_same_key_with_another_quantity_and_adds_nothing() {
        String sku = newProduct();
        String key = UUID.randomUUID().toString();
        http.postJson(restockOf(sku), "{\"quantity\": 5}", KEY, key);

        Http.Response other = http.postJson(restockOf(sku), "{\"quantity\": 6}", KEY, key);

        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("type").asString())
                .isEqualTo("https://eventshop.dev/problems/idempotency-key-reused");
        assertThat(stock(sku)).isEqualTo(new Stock(5, 0));
        assertThat(outboxCount(sku, PRODUCT_UPDATED)).isEqualTo(1);
    }

    @Test
    void refuses_the_same_key_and_quantity_for_another_product() {
        String one = newProduct();
        String another = newProduct();
        String key = UUID.randomUUID().toString();
        http.postJson(restockOf(one), "{\"quantity\": 5}", KEY, key);

        Http.Response other = http.postJson(restockOf(another), "{\"quantity\": 5}", KEY, key);

        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.json().get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(stock(another)).isEqualTo(new Stock(0, 0));
        assertThat(outboxCount(another, PRODUCT_UPDATED)).isZero();
    }

    /** A product with no stock, already published, that no other test touches. */
    private String newProduct() {
        String sku = "IDEM-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO product (sku, name, price, currency, available, reserved, version, published_version,
                                     updated_at)
                VALUES (:sku, 'Restocked', 1.00, 'EUR', 0, 0, 1, 1, clock_timestamp())
                """)
                .param("sku", sku).update();
        return sku;
    }

    private static String restockOf(String sku) {
        return "/products/" + sku + "/restock";
    }
}
