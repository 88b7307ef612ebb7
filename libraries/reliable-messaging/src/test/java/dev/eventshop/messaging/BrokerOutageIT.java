package dev.eventshop.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.OrderId;
import dev.eventshop.events.Topics;
import dev.eventshop.messaging.outbox.OutboxRelay;
import dev.eventshop.stack.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away while the service keeps appending. Uses a broker of its own, the embedded stack's broker
 * process, because it is stopped and started again on the same port and data.
 */
class BrokerOutageIT {

    private static final int EVENTS = 500;
    private static final int KEYS = 25;

    @TempDir
    Path kafkaData;
    private KafkaBroker broker;
    private StandaloneRelays relays;

    @BeforeEach
    void startBroker() throws Exception {
        broker = new KafkaBroker(kafkaData, 0);
        broker.start();
        relays = new StandaloneRelays(broker.bootstrapServers());
        relays.createTopic(Topics.ORDER_EVENTS);
    }

    @AfterEach
    void stopBroker() throws Exception {
        relays.close();
        broker.stop();
    }

    @Test
    void events_appended_while_the_broker_is_down_all_arrive_in_per_key_order_once_it_is_back() {
        OutboxRelay relay = relays.relay("relay", Duration.ofSeconds(5));
        relay.start();
        StandaloneRelays.Appender appender = relays.appender();
        List<OrderId> keys = IntStream.range(0, KEYS).mapToObj(i -> OrderId.newId()).toList();

        broker.stop();
        for (int i = 0; i < EVENTS; i++) {
            appender.append(Samples.orderPlaced(keys.get(i % KEYS), i / KEYS + 1));
        }
        assertThat(relays.pending()).as("nothing can be published while the broker is down").isEqualTo(EVENTS);
        broker.start();

        List<ConsumerRecord<String, byte[]>> records = RelayFailoverIT.Arrivals.awaitAll(broker.bootstrapServers(),
                keys, EVENTS);

        RelayFailoverIT.Arrivals.assertEachKeyArrivedInAppendOrder(records, KEYS, EVENTS / KEYS);
        assertThat(relays.pending()).isZero();
    }
}
