package dev.eventshop.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.testsupport.OperationsContract;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operators and API clients rely on besides the emails: health probes, metrics, info and the API document. */
class OperationsIT extends IntegrationTest implements OperationsContract {

    @Override
    public String apiPath() {
        return "/emails?orderId=" + UUID.randomUUID();
    }

    @Test
    void publishes_an_openapi_document_of_the_emails_api() {
        JsonNode emails = apiDocument().get("paths").get("/emails");

        assertThat(emails.has("get")).isTrue();
        assertThat(emails.get("get").get("parameters").valueStream().map(parameter -> parameter.get("name")
                .asString())).containsExactly("orderId");
        assertThat(emails.get("get").get("responses").has("default")).isTrue();
    }
}
