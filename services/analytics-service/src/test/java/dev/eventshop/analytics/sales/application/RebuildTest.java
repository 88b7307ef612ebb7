package dev.eventshop.analytics.sales.application;

import static dev.eventshop.analytics.sales.domain.SagaFixture.PLACED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.eventshop.analytics.sales.domain.SagaFixture;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.OrderId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

class RebuildTest {

    private final List<String> calls = new ArrayList<>();
    private final InMemoryReadModels readModels = new InMemoryReadModels();
    private final InMemoryGenerations generations = new InMemoryGenerations(readModels, calls);
    private final Projector projector = new Projector(readModels, generations);
    private final List<IntegrationEvent> log = new ArrayList<>();
    private EventLog eventLog = this::replayLog;

    @Test
    void registers_the_new_generation_before_it_captures_where_the_topics_end() {
        rebuild().run();

        assertThat(calls).containsSubsequence("start 2", "capture the ends", "switch 2");
    }

    @Test
    void replays_the_topics_into_a_new_generation_and_switches_to_it() {
        OrderId order = OrderId.newId();
        log.addAll(SagaFixture.confirmed(order, PLACED, Duration.ofSeconds(1)));
        log.forEach(projector::project);

        RebuildReport report = rebuild().run();

        assertThat(report.previousGeneration()).isEqualTo(1);
        assertThat(report.generation()).isEqualTo(2);
        assertThat(report.events()).isEqualTo(5);
        assertThat(report.orders()).isEqualTo(1);
        assertThat(generations.current()).isEqualTo(2);
        assertThat(generations.statesInOrder()).containsExactly("RETIRED", "CURRENT");
        assertThat(readModels.orders(2).get(order).timeToConfirm()).contains(Duration.ofSeconds(1));
        assertThat(readModels.orders).as("the retired generation's rows are gone").doesNotContainKey(1L);
    }

    @Test
    void an_event_that_arrives_live_during_the_rebuild_is_in_the_new_generation() {
        OrderId late = OrderId.newId();
        generations.beforeSwitch.add(generation -> SagaFixture.outOfStock(late, PLACED).forEach(projector::project));

        rebuild().run();

        assertThat(readModels.orders(2)).containsKey(late);
    }

    @Test
    void a_rebuild_that_cannot_read_the_topics_abandons_its_generation_and_the_current_one_serves_on() {
        OrderId order = OrderId.newId();
        SagaFixture.declined(order, PLACED).forEach(projector::project);
        eventLog = batches -> {
            batches.accept(SagaFixture.declined(order, PLACED).subList(0, 2));
            throw new EventLogUnavailableException("broker gone half-way");
        };

        assertThatExceptionOfType(EventLogUnavailableException.class).isThrownBy(() -> rebuild().run());

        assertThat(generations.current()).isEqualTo(1);
        assertThat(generations.statesInOrder()).containsExactly("CURRENT", "ABANDONED");
        assertThat(readModels.orders(1)).containsKey(order);
        assertThat(readModels.orders).as("the abandoned generation's rows are gone").containsOnlyKeys(1L);
        assertThat(generations.tryLockRebuild()).as("the lock was given back").isPresent();
    }

    @Test
    void only_one_rebuild_runs_at_a_time() {
        AtomicReference<Throwable> second = new AtomicReference<>();
        generations.beforeSwitch.add(generation -> {
            try {
                rebuild().run();
            } catch (RuntimeException e) {
                second.set(e);
            }
        });

        rebuild().run();

        assertThat(second.get()).isInstanceOf(RebuildInProgressException.class);
    }

    @Test
    void a_new_rebuild_gives_up_what_a_rebuild_that_died_left_behind() {
        long halfBuilt = generations.startNext();
        SagaFixture.outOfStock(OrderId.newId(), PLACED).forEach(event -> projector.projectInto(halfBuilt, List.of(event)));

        RebuildReport report = rebuild().run();

        assertThat(report.generation()).isEqualTo(3);
        assertThat(generations.statesInOrder()).containsExactly("RETIRED", "ABANDONED", "CURRENT");
        assertThat(readModels.orders).containsOnlyKeys(3L);
    }

    private EventLog.Replayed replayLog(Consumer<List<IntegrationEvent>> batches) {
        calls.add("capture the ends");
        List<IntegrationEvent> upToTheEnd = List.copyOf(log);
        if (!upToTheEnd.isEmpty()) {
            batches.accept(upToTheEnd);
        }
        return new EventLog.Replayed(Map.of("order-events", (long) upToTheEnd.size()), 0);
    }

    private Rebuild rebuild() {
        return new Rebuild(generations, batches -> eventLog.replay(batches), projector, readModels,
                new NoTransactions(), Clock.systemUTC());
    }

    /** Transactions that do nothing: the fakes need none. */
    private static final class NoTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
