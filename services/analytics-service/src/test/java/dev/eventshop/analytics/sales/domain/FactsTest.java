package dev.eventshop.analytics.sales.domain;

import static dev.eventshop.analytics.sales.domain.SagaFixture.KEYBOARD;
import static dev.eventshop.analytics.sales.domain.SagaFixture.PLACED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.EventCatalog;
import dev.eventshop.events.EventType;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.OrderId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactsTest {

    @Test
    void every_event_type_of_the_system_tells_the_read_models_something() {
        List<IntegrationEvent> samples = new ArrayList<>();
        samples.addAll(SagaFixture.confirmed(OrderId.newId(), PLACED, Duration.ofSeconds(1)));
        samples.addAll(SagaFixture.declined(OrderId.newId(), PLACED));
        samples.addAll(SagaFixture.outOfStock(OrderId.newId(), PLACED));
        samples.addAll(SagaFixture.timedOut(OrderId.newId(), PLACED));
        samples.add(SagaFixture.product(KEYBOARD, "Mechanical keyboard", PLACED));

        assertThat(samples).extracting(IntegrationEvent::getClass).as("a sample of every type in the EventCatalog")
                .containsAll(EventCatalog.ALL.stream().map(EventType::javaType).toList());
        assertThat(samples).allSatisfy(event -> assertThat(Facts.of(event)).as(event.toString()).isPresent());
    }

    @Test
    void order_events_state_facts_of_their_order_and_catalog_events_of_their_product() {
        OrderId order = OrderId.newId();

        assertThat(SagaFixture.declined(order, PLACED)).allSatisfy(event -> assertThat(Facts.of(event))
                .hasValueSatisfying(facts -> assertThat(((OrderFacts) facts).orderId()).isEqualTo(order)));
        assertThat(Facts.of(SagaFixture.product(KEYBOARD, "Mechanical keyboard", PLACED)))
                .contains(new ProductFacts(KEYBOARD, "Mechanical keyboard", PLACED));
    }
}
