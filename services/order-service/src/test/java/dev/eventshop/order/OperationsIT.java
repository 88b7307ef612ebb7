package dev.eventshop.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.testsupport.OperationsContract;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operators and API clients rely on besides the orders: health probes, metrics, info and the API document. */
class OperationsIT extends IntegrationTest implements OperationsContract {

    @Override
    public String apiPath() {
        return "/orders/" + UUID.randomUUID();
    }

    @Test
    void publishes_an_openapi_document_of_the_orders_api() {
        JsonNode paths = apiDocument().get("paths");

        assertThat(paths.has("/orders")).isTrue();
        assertThat(paths.has("/orders/{orderId}")).isTrue();
        assertThat(paths.has("/orders/{orderId}/timeline")).isTrue();
        assertThat(paths.get("/orders").has("post")).isTrue();
        assertThat(paths.get("/orders").get("post").get("parameters").valueStream()
                .map(parameter -> parameter.get("name").asString())).contains("Idempotency-Key");
    }
}
