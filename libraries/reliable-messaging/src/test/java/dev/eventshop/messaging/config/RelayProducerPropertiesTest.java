package dev.eventshop.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class RelayProducerPropertiesTest {

    private static final MessagingProperties.Relay RELAY = MessagingProperties.defaults().relay();

    @Test
    void the_relay_sends_each_batch_at_once_without_lingering_and_waits_for_every_replica() {
        Map<String, Object> producer = OutboxAutoConfiguration.relayProducerProperties(Map.of(), RELAY);

        assertThat(producer).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
    }

    @Test
    void a_linger_or_batch_size_the_service_sets_is_kept() {
        Map<String, Object> producer = OutboxAutoConfiguration.relayProducerProperties(
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 16_384), RELAY);

        assertThat(producer).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20)
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 16_384);
    }
}
