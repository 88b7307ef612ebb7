package dev.eventshop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import dev.eventshop.order.lifecycle.domain.Order;
import dev.eventshop.testsupport.Gate;
import dev.eventshop.testsupport.Http;
import dev.eventshop.testsupport.ProblemDetails;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A request that finds the database busy (every pooled connection taken, as under a load the machine cannot carry) is
 * the service's passing trouble: 503 with {@code Retry-After}, nothing done, not a 500 that reads as a bug. So is
 * one whose session the database cuts off mid-transaction, as a restart does.
 */
class BusyDatabaseIT extends IntegrationTest {

    /** Hikari's least: the request and each attempt to take a connection give up this soon. */
    private static final long POOL_TIMEOUT_MS = 250;

    @Autowired
    DataSource dataSource;

    @Test
    void an_order_placed_while_every_pooled_connection_is_taken_is_answered_503_to_try_again_and_not_created()
            throws SQLException {
        String customer = "busy-" + UUID.randomUUID();
        HikariConfigMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariConfigMXBean();
        long timeout = pool.getConnectionTimeout();
        List<Connection> taken = new ArrayList<>();
        Http.Response response;
        pool.setConnectionTimeout(POOL_TIMEOUT_MS);
        try {
            takeEveryConnection(pool, taken);
            response = http.postJson("/orders", order(customer, "KB-001", 1));
        } finally {
            taken.forEach(BusyDatabaseIT::close);
            pool.setConnectionTimeout(timeout);
        }

        JsonNode problem = ProblemDetails.assertProblem(response, 503);
        assertThat(problem.get("type").asString()).isEqualTo("https://eventshop.dev/problems/database-unavailable");
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(ordersOf(customer)).as("orders of the customer").isZero();
    }

    @Test
    void an_order_whose_database_session_is_cut_off_mid_transaction_is_answered_503_to_try_again_and_not_created()
            throws InterruptedException {
        String customer = "cut-off-" + UUID.randomUUID();

        // The placement has priced its lines and waits inside its transaction, as a database restart would find it.
        Http.Response response = placeCuttingItsSessionOff(customer, placementGate.closeFor(customer),
                "FROM catalog_product");

        JsonNode problem = ProblemDetails.assertProblem(response, 503);
        assertThat(problem.get("type").asString()).isEqualTo("https://eventshop.dev/problems/database-unavailable");
        assertThat(ordersOf(customer)).as("orders of the customer").isZero();
    }

    @Test
    void an_order_whose_database_session_is_cut_off_as_it_commits_is_answered_that_its_outcome_is_unknown()
            throws InterruptedException {
        String customer = "cut-off-at-commit-" + UUID.randomUUID();

        // Everything is written and only the commit is left, as a database restart or a broken link could find it.
        Http.Response response = placeCuttingItsSessionOff(customer, placementGate.closeBeforeCommitFor(customer),
                "order_timeline_entry");

        JsonNode problem = ProblemDetails.assertProblem(response, 500);
        assertThat(problem.get("type").asString()).isEqualTo("https://eventshop.dev/problems/outcome-unknown");
        assertThat(problem.get("detail").asString()).contains("Idempotency-Key");
    }

    /**
     * Places an order of {@code customer} that waits at {@code gate}, terminates its database session there (found by
     * its last statement), and lets it go on.
     */
    private Http.Response placeCuttingItsSessionOff(String customer, Gate<Order> gate, String lastStatement)
            throws InterruptedException {
        CompletableFuture<Http.Response> placing = CompletableFuture.supplyAsync(
                () -> http.postJson("/orders", order(customer, "KB-001", 1)));
        gate.awaitArrival();
        int cutOff = jdbc.sql("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE datname = current_database() AND state = 'idle in transaction' AND query LIKE :statement""")
                .param("statement", "%" + lastStatement + "%").query(Integer.class).single();
        gate.open();
        Http.Response response = placing.orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(cutOff).as("sessions cut off").isEqualTo(1);
        return response;
    }

    /**
     * Until this test holds as many connections as the pool may ever have. The listeners and the relay give theirs
     * back within milliseconds, but one may hold its connection longer than a few attempts to take one: stopping at
     * the first timeouts would leave it one to give back to the request (seen once in CI).
     */
    private void takeEveryConnection(HikariConfigMXBean pool, List<Connection> taken) {
        int size = pool.getMaximumPoolSize();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try {
                taken.add(dataSource.getConnection());
            } catch (SQLException timedOut) {
                // someone else still holds one: try again
            }
            return taken.size() == size;
        });
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
