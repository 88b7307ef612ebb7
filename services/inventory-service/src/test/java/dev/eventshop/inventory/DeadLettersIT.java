package dev.eventshop.inventory;

import static dev.eventshop.inventory.SagaEvents.line;
import static dev.eventshop.inventory.SagaEvents.orderPlaced;
import static dev.eventshop.testsupport.ProblemDetails.assertInvalid;
import static dev.eventshop.testsupport.ProblemDetails.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.order.OrderPlaced;
import dev.eventshop.messaging.EventRecords;
import dev.eventshop.testsupport.Http;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A record the service can never process is a dead letter an operator sees at {@code GET /dead-letters}, reads in
 * full, and redrives to the service's own consumer; every redrive is recorded.
 */
class DeadLettersIT extends IntegrationTest {

    private static final String UNKNOWN_TYPE = "dev.eventshop.order.teleported.v1";

    @Test
    void a_poison_record_on_order_events_is_listed_read_in_full_and_redriven_back_to_the_dead_letters() {
        OrderPlaced placed = orderPlaced("alice", line("KB-001", 1));
        UUID eventId = UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = EventRecords.toProducerRecord(placed, eventId, Instant.now(), null);
        poison.headers().remove("ce_type");
        poison.headers().add("ce_type", UNKNOWN_TYPE.getBytes(StandardCharsets.UTF_8));
        RecordMetadata published = events.publishRaw(poison);

        JsonNode listed = await().atMost(PATIENCE).until(() -> listed(eventId, "redriven=false"), Optional::isPresent)
                .orElseThrow();

        assertThat(listed.get("topic").asString()).isEqualTo("order-events");
        assertThat(listed.get("partition").asInt()).isEqualTo(published.partition());
        assertThat(listed.get("offset").asLong()).isEqualTo(published.offset());
        assertThat(listed.get("key").asString()).isEqualTo(placed.orderId().toString());
        assertThat(listed.get("ceType").asString()).isEqualTo(UNKNOWN_TYPE);
        assertThat(listed.get("failure").get("exception").asString())
                .isEqualTo("dev.eventshop.events.MalformedEventException");
        assertThat(listed.get("failure").get("message").asString()).contains("unknown ce_type '" + UNKNOWN_TYPE);
        assertThat(listed.get("attempts").asInt()).as("never retried: it cannot succeed").isEqualTo(1);
        assertThat(Instant.parse(listed.get("firstFailedAt").asString())).isBeforeOrEqualTo(
                Instant.parse(listed.get("deadLetteredAt").asString()));
        String id = listed.get("id").asString();
        assertThat(id).startsWith("order-events.inventory-service.dlt-");

        Http.Response full = http.get("/dead-letters/" + id);
        assertThat(full.status()).isEqualTo(200);
        assertThat(Base64.getDecoder().decode(full.json().get("valueBase64").asString())).isEqualTo(poison.value());
        assertThat(full.json().get("headers").valueStream()
                .filter(header -> header.get("name").asString().equals("ce_id"))
                .map(header -> header.get("value").asString())).containsExactly(eventId.toString());

        Http.Response redrive = http.post("/dead-letters/" + id + "/redrive", "Idempotency-Key", "redrive-" + eventId);

        assertThat(redrive.status()).as(redrive.toString()).isEqualTo(200);
        assertThat(redrive.json().get("outcome").asString()).isEqualTo("REDRIVEN");
        assertThat(redrive.json().get("target").asString()).startsWith("order-events.inventory-service.retry-0-");
        assertThat(jdbc.sql("SELECT outcome, idempotency_key, remote_address, trace_id FROM dead_letter_redrive "
                + "WHERE dead_letter_id = :id").param("id", id).query().singleRow())
                .containsEntry("outcome", "REDRIVEN")
                .containsEntry("idempotency_key", "redrive-" + eventId)
                .hasEntrySatisfying("remote_address", address -> assertThat(address).isIn("127.0.0.1",
                        "0:0:0:0:0:0:0:1"))
                .hasEntrySatisfying("trace_id", traceId -> assertThat(traceId).isNotNull());
        JsonNode marked = listed(eventId, "redriven=true").orElseThrow();
        assertThat(marked.get("id").asString()).isEqualTo(id);
        assertThat(marked.get("redrive").get("outcome").asString()).isEqualTo("REDRIVEN");
        JsonNode again = assertProblem(http.post("/dead-letters/" + id + "/redrive"), 409);
        assertThat(again.get("type").asString()).isEqualTo("https://eventshop.dev/problems/dead-letter-already-redriven");

        JsonNode returned = await("the redriven record failed again and is back").atMost(PATIENCE)
                .until(() -> listed(eventId, "redriven=false"), Optional::isPresent).orElseThrow();
        assertThat(returned.get("id").asString()).isNotEqualTo(id);
        assertThat(returned.get("redriveOf").asString()).isEqualTo(id);
    }

    @Test
    void an_unknown_dead_letter_is_a_404_and_a_malformed_id_a_400() {
        JsonNode unknown = assertProblem(http.get("/dead-letters/order-events.inventory-service.dlt-0-999999999"), 404);
        assertThat(unknown.get("type").asString()).isEqualTo("https://eventshop.dev/problems/unknown-dead-letter");
        assertProblem(http.post("/dead-letters/product-catalog.payment-service.dlt-0-0/redrive"), 404);

        assertInvalid(assertProblem(http.get("/dead-letters/not-a-dead-letter"), 400), "id");
        assertInvalid(assertProblem(http.get("/dead-letters?size=1000"), 400), "size");
        assertInvalid(assertProblem(http.get("/dead-letters?from=yesterday"), 400), "from");
    }

    @Test
    void the_api_document_describes_the_dead_letters() {
        JsonNode paths = http.get("/v3/api-docs").json().get("paths");

        assertThat(paths.get("/dead-letters").has("get")).isTrue();
        assertThat(paths.get("/dead-letters/{id}").has("get")).isTrue();
        assertThat(paths.get("/dead-letters/{id}/redrive").has("post")).isTrue();
        assertThat(paths.get("/dead-letters/redrive").has("post")).isTrue();
    }

    /** The dead letter of that event the listing shows, filtered by a query string. */
    private Optional<JsonNode> listed(UUID eventId, String query) {
        Http.Response page = http.get("/dead-letters?topic=order-events&size=200&" + query);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("items").valueStream()
                .filter(item -> eventId.toString().equals(item.path("ceId").asString(null)))
                .findFirst();
    }
}
