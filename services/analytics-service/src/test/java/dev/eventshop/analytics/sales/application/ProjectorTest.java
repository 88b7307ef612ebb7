package dev.eventshop.analytics.sales.application;

import static dev.eventshop.analytics.sales.domain.SagaFixture.KEYBOARD;
import static dev.eventshop.analytics.sales.domain.SagaFixture.PLACED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.analytics.sales.domain.OrderFacts;
import dev.eventshop.analytics.sales.domain.ProductFacts;
import dev.eventshop.analytics.sales.domain.SagaFixture;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.OrderId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProjectorTest {

    private final InMemoryReadModels readModels = new InMemoryReadModels();
    private final InMemoryGenerations generations = new InMemoryGenerations(readModels, new ArrayList<>());
    private final Projector projector = new Projector(readModels, generations);

    @Test
    void a_live_event_goes_to_the_current_generation() {
        OrderId order = OrderId.newId();

        SagaFixture.confirmed(order, PLACED, Duration.ofSeconds(1)).forEach(projector::project);

        assertThat(readModels.orders(1).get(order).timeToConfirm()).contains(Duration.ofSeconds(1));
    }

    @Test
    void while_a_rebuild_runs_a_live_event_goes_to_the_generation_being_built_as_well() {
        OrderId order = OrderId.newId();
        long building = generations.startNext();

        SagaFixture.outOfStock(order, PLACED).forEach(projector::project);

        assertThat(readModels.orders(building).get(order)).isEqualTo(readModels.orders(1).get(order)).isNotNull();
    }

    @Test
    void sagas_projected_live_and_in_batches_in_any_order_and_twice_give_the_same_read_models() {
        List<IntegrationEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.addAll(SagaFixture.confirmed(OrderId.newId(), PLACED.plusSeconds(i), Duration.ofMillis(100 * i)));
            events.addAll(SagaFixture.declined(OrderId.newId(), PLACED.plusSeconds(i)));
            events.addAll(SagaFixture.outOfStock(OrderId.newId(), PLACED.plusSeconds(i)));
        }
        events.add(SagaFixture.product(KEYBOARD, "Keyboard", PLACED));
        events.add(SagaFixture.product(KEYBOARD, "Mechanical keyboard", PLACED.plusSeconds(1)));
        events.forEach(projector::project);

        List<IntegrationEvent> shuffledTwice = new ArrayList<>(events);
        shuffledTwice.addAll(events);
        Collections.shuffle(shuffledTwice, new Random(42));
        for (int from = 0; from < shuffledTwice.size(); from += 37) {
            projector.projectInto(2, shuffledTwice.subList(from, Math.min(from + 37, shuffledTwice.size())));
        }

        assertThat(readModels.orders(2)).hasSize(60).isEqualTo(readModels.orders(1));
        assertThat(readModels.products(2)).isEqualTo(readModels.products(1));
        assertThat(readModels.products(2).get(KEYBOARD)).isEqualTo(
                new ProductFacts(KEYBOARD, "Mechanical keyboard", PLACED.plusSeconds(1)));
    }

    @Test
    void a_batch_is_merged_per_order_before_it_is_stored() {
        OrderId order = OrderId.newId();

        projector.projectInto(1, SagaFixture.confirmed(order, PLACED, Duration.ofSeconds(2)));

        assertThat(readModels.writes).containsExactly("insert 1 " + order);
    }

    @Test
    void facts_already_known_are_not_written_again() {
        OrderId order = OrderId.newId();
        List<IntegrationEvent> saga = SagaFixture.declined(order, PLACED);
        saga.forEach(projector::project);
        OrderFacts before = readModels.orders(1).get(order);
        int writes = readModels.writes.size();

        saga.forEach(projector::project);

        assertThat(readModels.writes).hasSize(writes);
        assertThat(readModels.orders(1).get(order)).isEqualTo(before);
    }
}
