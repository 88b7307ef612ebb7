package dev.eventshop.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.analytics.sales.application.Generations;
import dev.eventshop.analytics.sales.application.Rebuild;
import dev.eventshop.events.OrderId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rebuild that dies with its process leaves its generation marked as being built, and live events would go to it as
 * well as to the current one until the next rebuild. The service abandons it at start-up, unless a rebuild on another
 * replica is filling it right now. The tests run the start-up step itself: the context is shared, not restarted.
 */
class RebuildLeftByACrashIT extends IntegrationTest {

    @Autowired
    private Rebuild rebuild;
    @Autowired
    private Generations generations;

    @Test
    void at_start_up_a_generation_left_half_built_is_abandoned_and_a_live_event_counts_once() {
        awaitSummaryOfEverythingPublished();
        long current = currentGeneration();
        long halfBuilt = leaveAHalfBuiltGenerationAsACrashWould();
        Saga beforeTheRestart = shop.saga(Saga.Outcome.CONFIRMED, Duration.ofMillis(800), "KB-001", 1);
        shop.publish(beforeTheRestart);
        awaitSummaryOfEverythingPublished();
        assertThat(generationsHolding(beforeTheRestart.orderId())).as("a live write while it is being built")
                .containsExactly(current, halfBuilt);

        rebuild.abandonDeadRebuild();

        assertThat(state(halfBuilt)).isEqualTo("ABANDONED");
        assertThat(generationsHolding(beforeTheRestart.orderId())).as("its rows are purged")
                .containsExactly(current);
        Saga afterTheRestart = shop.saga(Saga.Outcome.CONFIRMED, Duration.ofMillis(900), "MS-002", 2);
        shop.publish(afterTheRestart);
        awaitSummaryOfEverythingPublished();
        assertThat(generationsHolding(afterTheRestart.orderId())).as("written to the current generation only")
                .containsExactly(current);
        assertThat(currentGeneration()).isEqualTo(current);
    }

    @Test
    void a_generation_a_rebuild_on_another_replica_is_building_is_left_alone() {
        long building = leaveAHalfBuiltGenerationAsACrashWould();

        try (Generations.Lease anotherReplicasRebuild = generations.tryLockRebuild().orElseThrow()) {
            rebuild.abandonDeadRebuild();

            assertThat(state(building)).as("while that rebuild holds the lock").isEqualTo("BUILDING");
        }
        rebuild.abandonDeadRebuild();

        assertThat(state(building)).as("once that replica is gone").isEqualTo("ABANDONED");
    }

    /** Registers a generation as being built, as a rebuild does, whose process then dies: nobody holds the lock. */
    private long leaveAHalfBuiltGenerationAsACrashWould() {
        return jdbc.sql("""
                INSERT INTO read_model_generation (generation, state)
                SELECT max(generation) + 1, 'BUILDING' FROM read_model_generation
                RETURNING generation
                """)
                .query(Long.class)
                .single();
    }

    private long currentGeneration() {
        return jdbc.sql("SELECT generation FROM read_model_generation WHERE state = 'CURRENT'")
                .query(Long.class).single();
    }

    private String state(long generation) {
        return jdbc.sql("SELECT state FROM read_model_generation WHERE generation = :generation")
                .param("generation", generation).query(String.class).single();
    }

    private List<Long> generationsHolding(OrderId orderId) {
        return jdbc.sql("SELECT generation FROM order_fact WHERE order_id = :orderId ORDER BY generation")
                .param("orderId", orderId.value()).query(Long.class).list();
    }
}
