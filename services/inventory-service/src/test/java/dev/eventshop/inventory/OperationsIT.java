package dev.eventshop.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.testsupport.OperationsContract;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operators and API clients rely on besides the products: health probes, metrics, info and the API document. */
class OperationsIT extends IntegrationTest implements OperationsContract {

    @Override
    public String apiPath() {
        return "/products/KB-001";
    }

    @Override
    public List<String> ownMetrics() {
        return List.of("eventshop_outbox_pending");
    }

    @Test
    void publishes_an_openapi_document_of_the_products_api() {
        JsonNode docs = apiDocument();

        JsonNode paths = docs.get("paths");
        assertThat(paths.has("/products")).isTrue();
        assertThat(paths.get("/products").has("get")).isTrue();
        assertThat(paths.get("/products/{sku}").has("get")).isTrue();
        assertThat(paths.get("/products/{sku}/restock").has("post")).isTrue();
        assertThat(docs.get("components").get("schemas").has("Problem")).isTrue();
    }
}
