package dev.eventshop.order;

import static org.awaitility.Awaitility.await;

import dev.eventshop.messaging.EventRecords;
import dev.eventshop.testsupport.ServiceIntegrationTest;
import dev.eventshop.testsupport.TopicProbe;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.context.annotation.Import;

/**
 * The one context configuration of every order-service integration test, so that Spring starts the service once per
 * test run. Tests publish the inventory's and the payment's events as those services would.
 */
@AutoConfigureTracing
@Import(TestHooks.class)
public abstract class IntegrationTest extends ServiceIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    protected PlacementGate placementGate;

    @AutoClose
    protected TopicProbe orderEvents;

    protected IntegrationTest() {
        super(EventRecords::toProducerRecord);
    }

    @BeforeEach
    void connect() {
        orderEvents = new TopicProbe(bootstrapServers, "order-events");
    }

    /**
     * Publishes the seed products to the catalog topic, once per test run, and waits until the replica has them and
     * the service says it is ready.
     */
    @BeforeEach
    void seedCatalog() {
        if (catalogSize() < SeedCatalog.PRODUCTS.size()) {
            events.publishAll(SeedCatalog.PRODUCTS);
            await("the catalog replica has the seed products").atMost(Duration.ofSeconds(60))
                    .until(() -> catalogSize() >= SeedCatalog.PRODUCTS.size());
        }
        await("the service is ready").atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/actuator/health/readiness").status() == 200);
    }

    /** The body of {@code POST /orders} for one line. */
    protected static String order(String customer, String sku, int quantity) {
        return """
                {"customerId": "%s", "items": [{"sku": "%s", "quantity": %d}]}""".formatted(customer, sku, quantity);
    }

    /** How many orders the customer has in the service's database. */
    protected long ordersOf(String customer) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE customer_id = :customer").param("customer", customer)
                .query(Long.class).single();
    }

    private long catalogSize() {
        return jdbc.sql("SELECT count(*) FROM catalog_product WHERE sku IN (:skus)")
                .param("skus", SeedCatalog.PRODUCTS.stream().map(product -> product.sku().value()).toList())
                .query(Long.class).single();
    }
}
