package dev.eventshop.messaging;

import static dev.eventshop.testsupport.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Topics;
import dev.eventshop.messaging.deadletters.AlreadyRedrivenException;
import dev.eventshop.messaging.deadletters.BulkRedrive;
import dev.eventshop.messaging.deadletters.DeadLetter;
import dev.eventshop.messaging.deadletters.DeadLetterContent;
import dev.eventshop.messaging.deadletters.DeadLetterFilter;
import dev.eventshop.messaging.deadletters.DeadLetterId;
import dev.eventshop.messaging.deadletters.DeadLetters;
import dev.eventshop.messaging.deadletters.Redrive;
import dev.eventshop.messaging.deadletters.Redrive.RedriveRequest;
import dev.eventshop.messaging.deadletters.metrics.DeadLetterDepth;
import dev.eventshop.messaging.errors.RetryTopics;
import dev.eventshop.testsupport.EventInjector;
import dev.eventshop.testsupport.EventInjector.Published;
import dev.eventshop.testsupport.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

@MessagingTestContext
class DeadLettersIT {

    private static final String TOPIC = Topics.ORDER_EVENTS.name();
    private static final String SERVICE = "messaging-it";
    private static final String DLT = RetryTopics.deadLetterTopic(TOPIC, SERVICE);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final RedriveRequest OPERATOR = new RedriveRequest("4bf92f3577b34da6a3ce929d0e0e4736",
            "redrive-key-1", "10.0.0.7");

    @Autowired
    ProbeListener listener;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    DeadLetterDepth depth;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    EventInjector events;

    @BeforeEach
    void openProducer() {
        events = new EventInjector(bootstrapServers, EventRecords::toProducerRecord);
    }

    @AfterEach
    void closeProducer() {
        events.close();
    }

    @Test
    void a_record_that_fails_every_attempt_is_listed_with_its_failure_and_kept_with_its_original_value_and_headers()
            throws Exception {
        OrderId orderId = OrderId.newId();
        UUID eventId = UUID.randomUUID();
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        listener.failNext(orderId.toString(), Integer.MAX_VALUE);
        Published published = events.publish(Samples.orderPlaced(orderId, 1), eventId, Instant.now(), traceparent);

        DeadLetter letter = awaitDeadLetter(eventId);

        assertThat(letter.id().deadLetterTopic()).isEqualTo(DLT);
        assertThat(letter.topic()).isEqualTo(TOPIC);
        assertThat(letter.partition()).isEqualTo(published.metadata().partition());
        assertThat(letter.offset()).isEqualTo(published.metadata().offset());
        assertThat(letter.key()).isEqualTo(orderId.toString());
        assertThat(letter.type()).isEqualTo("dev.eventshop.order.placed.v1");
        assertThat(letter.failure().exceptionClass()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.failure().message()).contains("failing on purpose for " + orderId);
        assertThat(letter.attempts()).as("max-attempts in the test settings").isEqualTo(3);
        assertThat(letter.firstFailedAt()).as("the first of its attempts, one backoff and more before the last")
                .isBefore(letter.deadLetteredAt().minusMillis(150));
        assertThat(letter.redrive()).isNull();

        DeadLetterContent content = deadLetters.find(letter.id());
        assertThat(content.value()).isEqualTo(published.value());
        assertThat(content.headers()).anySatisfy(header -> {
            assertThat(header.name()).isEqualTo("traceparent");
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).isEqualTo(traceparent);
        });
        assertThat(content.deadLetter()).isEqualTo(letter);
    }

    @Test
    void a_redriven_dead_letter_is_processed_by_this_services_consumer_alone_once_and_the_redrive_is_recorded()
            throws Exception {
        OrderId orderId = OrderId.newId();
        UUID eventId = UUID.randomUUID();
        DeadLetter letter = deadLettered(orderId, eventId);
        listener.failNext(orderId.toString(), 0);

        Redrive redrive = deadLetters.redrive(letter.id(), OPERATOR, false);

        assertThat(redrive.outcome()).isEqualTo(Redrive.Outcome.REDRIVEN);
        assertThat(redrive.target()).startsWith(TOPIC + "." + SERVICE + ".retry-0-");
        await().atMost(WAIT).until(() -> listener.effects(orderId.toString()) == 1);
        assertThat(jdbc.queryForMap("SELECT * FROM dead_letter_redrive WHERE dead_letter_id = ?",
                letter.id().toString()))
                .containsEntry("event_id", eventId.toString())
                .containsEntry("trace_id", OPERATOR.traceId())
                .containsEntry("idempotency_key", OPERATOR.idempotencyKey())
                .containsEntry("remote_address", OPERATOR.remoteAddress())
                .containsEntry("outcome", "REDRIVEN")
                .containsEntry("target", redrive.target())
                .containsKey("redriven_at");
        assertThat(listed(eventId, letter.id()).redrive()).as("the listing shows the redrive").isEqualTo(redrive);
        try (TopicProbe source = new TopicProbe(bootstrapServers, TOPIC)) {
            assertThat(source.drain(Duration.ofMillis(500)).stream().filter(withKey(orderId.toString())))
                    .as("nothing went back to the topic every consumer reads").hasSize(1);
        }

        assertThatThrownBy(() -> deadLetters.redrive(letter.id(), OPERATOR, false))
                .isInstanceOf(AlreadyRedrivenException.class);
        int deliveries = listener.deliveries(orderId.toString());
        deadLetters.redrive(letter.id(), OPERATOR, true);
        await().atMost(WAIT).until(() -> listener.deliveries(orderId.toString()) > deliveries);
        assertThat(listener.effects(orderId.toString())).as("a forced second redrive has no second effect")
                .isEqualTo(1);
    }

    @Test
    void a_redriven_record_that_fails_again_is_back_in_the_dead_letter_topic_as_a_new_dead_letter() throws Exception {
        OrderId orderId = OrderId.newId();
        UUID eventId = UUID.randomUUID();
        DeadLetter first = deadLettered(orderId, eventId);

        deadLetters.redrive(first.id(), OPERATOR, false);

        DeadLetter again = await().atMost(WAIT).until(() -> deadLetter(eventId, letter -> first.id().equals(
                letter.redriveOf())), Optional::isPresent).orElseThrow();
        assertThat(again.id()).isNotEqualTo(first.id());
        assertThat(again.redrive()).isNull();
        assertThat(again.attempts()).as("counted afresh: one delivery on each retry topic, where a redrive starts")
                .isEqualTo(2);
        assertThat(again.topic()).isEqualTo(TOPIC);
        assertThat(again.offset()).as("still naming where it was first published").isEqualTo(first.offset());
        assertThat(again.firstFailedAt()).isAfter(first.deadLetteredAt());
        assertThat(listener.effects(orderId.toString())).isZero();
    }

    @Test
    void a_redrive_by_filter_hands_back_every_matching_dead_letter_not_yet_redriven() throws Exception {
        Instant start = Instant.now();
        List<OrderId> orders = List.of(OrderId.newId(), OrderId.newId());
        List<UUID> eventIds = List.of(UUID.randomUUID(), UUID.randomUUID());
        for (int i = 0; i < orders.size(); i++) {
            listener.failNext(orders.get(i).toString(), Integer.MAX_VALUE);
            events.publish(Samples.orderPlaced(orders.get(i), 1), eventIds.get(i));
        }
        eventIds.forEach(this::awaitDeadLetter);
        orders.forEach(order -> listener.failNext(order.toString(), 0));

        DeadLetterFilter filter = new DeadLetterFilter(TOPIC, null, "IllegalStateException", start, null, null);
        BulkRedrive bulk = deadLetters.redriveAll(filter, OPERATOR, 10);

        assertThat(bulk.redriven()).extracting(Redrive::eventId)
                .containsExactlyInAnyOrderElementsOf(eventIds.stream().map(UUID::toString).toList());
        assertThat(bulk.failed()).isEmpty();
        assertThat(bulk.remaining()).isZero();
        orders.forEach(order -> await().atMost(WAIT).until(() -> listener.effects(order.toString()) == 1));
        assertThat(deadLetters.redriveAll(filter, OPERATOR, 10).redriven()).as("nothing left to redrive").isEmpty();
    }

    @Test
    void the_depth_gauge_counts_the_dead_letters_not_yet_redriven() throws Exception {
        depth.refresh();
        double before = gauge();
        OrderId orderId = OrderId.newId();
        UUID eventId = UUID.randomUUID();
        DeadLetter letter = deadLettered(orderId, eventId);
        listener.failNext(orderId.toString(), 0);

        depth.refresh();
        assertThat(gauge()).isEqualTo(before + 1);

        deadLetters.redrive(letter.id(), OPERATOR, false);
        depth.refresh();
        assertThat(gauge()).isEqualTo(before);
    }

    @Test
    void reading_the_dead_letters_and_their_depth_makes_the_kafka_client_warn_of_nothing() throws Exception {
        OrderId orderId = OrderId.newId();
        UUID eventId = UUID.randomUUID();
        DeadLetter letter = deadLettered(orderId, eventId);
        listener.failNext(orderId.toString(), 0);
        Logger kafkaClients = (Logger) LoggerFactory.getLogger("org.apache.kafka.clients");
        Level level = kafkaClients.getLevel();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        kafkaClients.setLevel(Level.WARN);
        kafkaClients.addAppender(logged);
        try {
            depth.refresh();
            deadLetters.list(DeadLetterFilter.all(), 0, 200);
            deadLetters.find(letter.id());
        } finally {
            kafkaClients.detachAppender(logged);
            kafkaClients.setLevel(level);
        }

        assertThat(logged.list).as("what the Kafka client logged while this thread read the dead-letter topics")
                .filteredOn(event -> event.getThreadName().equals(Thread.currentThread().getName()))
                .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage)
                .isEmpty();
    }

    @Test
    void dead_letter_topics_keep_their_records_until_deleted_whatever_the_brokers_default() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, DLT);
            await().atMost(WAIT).untilAsserted(() -> {
                Config config = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic);
                assertThat(List.of(config.get("retention.ms"), config.get("retention.bytes")))
                        .allSatisfy(entry -> {
                            assertThat(entry.value()).isEqualTo("-1");
                            assertThat(entry.source()).as("set on the topic itself")
                                    .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
                        });
            });
        }
    }

    private double gauge() {
        return meters.get(DeadLetterDepth.NAME).tags("topic", TOPIC, "service", SERVICE).gauge().value();
    }

    /** Publishes an event of the order that fails every attempt, and waits until it is a dead letter. */
    private DeadLetter deadLettered(OrderId orderId, UUID eventId) throws Exception {
        listener.failNext(orderId.toString(), Integer.MAX_VALUE);
        events.publish(Samples.orderPlaced(orderId, 1), eventId);
        return awaitDeadLetter(eventId);
    }

    private DeadLetter awaitDeadLetter(UUID eventId) {
        return await().atMost(WAIT).until(() -> deadLetter(eventId, letter -> true), Optional::isPresent)
                .orElseThrow();
    }

    private DeadLetter listed(UUID eventId, DeadLetterId id) {
        return deadLetter(eventId, letter -> letter.id().equals(id)).orElseThrow();
    }

    private Optional<DeadLetter> deadLetter(UUID eventId, java.util.function.Predicate<DeadLetter> which) {
        return deadLetters.list(DeadLetterFilter.all(), 0, 200).items().stream()
                .filter(letter -> eventId.toString().equals(letter.eventId()))
                .filter(which)
                .findFirst();
    }
}
