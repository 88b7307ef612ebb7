package dev.eventshop.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps {@link EventFixtures} complete, since every per-type test draws its sample from there. */
class EventFixturesTest {

    @Test
    void every_registered_type_has_a_sample() {
        assertThat(EventFixtures.all())
                .extracting(Object::getClass)
                .containsExactlyInAnyOrderElementsOf(
                        EventCatalog.ALL.stream().map(EventType::javaType).collect(Collectors.toList()));
    }
}
