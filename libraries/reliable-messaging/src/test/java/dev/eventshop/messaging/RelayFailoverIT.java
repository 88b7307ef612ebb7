package dev.eventshop.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.OrderId;
import dev.eventshop.events.Topics;
import dev.eventshop.messaging.inbox.IdempotentConsumer;
import dev.eventshop.messaging.inbox.JdbcIdempotentConsumer;
import dev.eventshop.messaging.outbox.OutboxRelay;
import dev.eventshop.testsupport.Infrastructure;
import dev.eventshop.testsupport.TopicProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two relays of one service on one database, as two replicas run them. */
class RelayFailoverIT {

    private static final int EVENTS = 2_000;
    private static final int KEYS = 50;

    private final String bootstrapServers = Infrastructure.get().kafkaBootstrapServers();

    @RegisterExtension
    final StandaloneRelays relays = StandaloneRelays.onTheTestBroker(Topics.ORDER_EVENTS);

    @Test
    void when_the_active_relay_dies_mid_stream_the_standby_takes_over_and_nothing_is_lost_or_reordered() {
        OutboxRelay first = relays.relay("relay-a", Duration.ofSeconds(30));
        OutboxRelay second = relays.relay("relay-b", Duration.ofSeconds(30));
        first.start();
        second.start();
        StandaloneRelays.Appender appender = relays.appender();
        List<OrderId> keys = IntStream.range(0, KEYS).mapToObj(i -> OrderId.newId()).toList();

        OutboxRelay killed = null;
        for (int i = 0; i < EVENTS; i++) {
            appender.append(Samples.orderPlaced(keys.get(i % KEYS), i / KEYS + 1));
            if (i == EVENTS / 2) {
                await().atMost(Duration.ofSeconds(10)).until(() -> first.isLeading() || second.isLeading());
                killed = first.isLeading() ? first : second;
                relays.crash(killed, killed == first ? "relay-a" : "relay-b");
            }
        }
        OutboxRelay survivor = killed == first ? second : first;

        List<ConsumerRecord<String, byte[]>> records = Arrivals.awaitAll(bootstrapServers, keys, EVENTS);

        assertThat(survivor.isLeading()).isTrue();
        assertThat(relays.pending()).isZero();
        Arrivals.assertEachKeyArrivedInAppendOrder(records, KEYS, EVENTS / KEYS);
        // Whatever the takeover sent twice, an idempotent consumer applies once.
        IdempotentConsumer consumer = new JdbcIdempotentConsumer(relays.admin, new TransactionTemplate(
                new DataSourceTransactionManager(relays.admin.getDataSource())), "failover-test");
        AtomicInteger effects = new AtomicInteger();
        for (ConsumerRecord<String, byte[]> record : records) {
            consumer.handleOnce(EventRecords.decode(record.headers(), record.value()), effects::incrementAndGet);
        }
        assertThat(effects).hasValue(EVENTS);
        System.out.printf("Failover: %d records for %d events (%d duplicates from the takeover)%n", records.size(),
                EVENTS, records.size() - EVENTS);
    }

    /** What a consumer of the relays' topic saw. */
    static final class Arrivals {

        private Arrivals() {
        }

        static List<ConsumerRecord<String, byte[]>> awaitAll(String bootstrapServers, List<OrderId> keys,
                int events) {
            Set<String> ours = keys.stream().map(OrderId::toString).collect(Collectors.toSet());
            try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.ORDER_EVENTS.name())) {
                await().atMost(Duration.ofSeconds(90)).until(() -> probe.matching(record -> ours.contains(record.key()))
                        .stream().map(record -> TopicProbe.header(record, "ce_id")).distinct().count() == events);
                return probe.matching(record -> ours.contains(record.key()));
            }
        }

        /** Per key, each event first arrives in the order it was appended: 1, 2, ... {@code perKey}. */
        static void assertEachKeyArrivedInAppendOrder(List<ConsumerRecord<String, byte[]>> records, int keys,
                int perKey) {
            Map<String, List<Integer>> firstArrivals = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                if (seen.add(TopicProbe.header(record, "ce_id"))) {
                    firstArrivals.computeIfAbsent(record.key(), key -> new ArrayList<>())
                            .add(Samples.sequenceOf(record.value()));
                }
            }
            List<Integer> expected = IntStream.rangeClosed(1, perKey).boxed().toList();
            assertThat(firstArrivals).hasSize(keys)
                    .allSatisfy((key, sequence) -> assertThat(sequence).isEqualTo(expected));
        }
    }
}
