package dev.eventshop.messaging.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeadLetterIdTest {

    @Test
    void an_id_names_the_dead_letter_topic_partition_and_offset_and_reads_back() {
        DeadLetterId id = new DeadLetterId("order-events.inventory-service.dlt", 2, 41);

        assertThat(id).hasToString("order-events.inventory-service.dlt-2-41");
        assertThat(DeadLetterId.parse(id.toString())).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "order-events", "order-events.x.dlt-2", "order-events.x.dlt-a-1",
        "order events-1-2", "-1-2", "order-events.x.dlt-1-99999999999999999999"})
    void anything_else_is_malformed(String id) {
        assertThatThrownBy(() -> DeadLetterId.parse(id)).isInstanceOf(MalformedDeadLetterIdException.class);
    }
}
