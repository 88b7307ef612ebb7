package dev.eventshop.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.OrderId;
import dev.eventshop.payment.account.application.AccountLedger;
import dev.eventshop.payment.account.application.Deposits;
import dev.eventshop.payment.account.domain.Account;
import dev.eventshop.payment.account.domain.AccountSnapshot;
import dev.eventshop.payment.account.domain.LedgerEntry;
import dev.eventshop.payment.account.persistence.UnknownLedgerEventException;
import dev.eventshop.payment.charging.application.CancellationResult;
import dev.eventshop.payment.charging.application.CancelledOrder;
import dev.eventshop.payment.charging.application.ChargeOrder;
import dev.eventshop.payment.charging.application.ChargeResult;
import dev.eventshop.payment.charging.application.PaymentProcessing;
import dev.eventshop.payment.charging.domain.PaymentStatus;
import dev.eventshop.testsupport.Http;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The ledger under real PostgreSQL: seeds, snapshots against full replay, balances as of an instant, and concurrent
 * writers of one account or one order, raced deterministically by holding one writer's transaction open.
 */
class LedgerIT extends IntegrationTest {

    @Autowired
    AccountLedger ledger;
    @Autowired
    Deposits deposits;
    @Autowired
    PaymentProcessing payments;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    MeterRegistry meters;

    private ExecutorService threads;

    @BeforeEach
    void startThreads() {
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void seeds_alice_and_bob_as_ledger_events() {
        assertThat(ledger(ALICE).subList(0, 2)).extracting(LedgerIT::summary)
                .containsExactly("1 AccountOpened EUR", "2 MoneyDeposited 5000.00 EUR");
        assertThat(ledger(BOB)).extracting(LedgerIT::summary)
                .containsExactly("1 AccountOpened EUR", "2 MoneyDeposited 50.00 EUR");
    }

    @Test
    void replaying_the_whole_ledger_gives_the_same_account_as_the_latest_snapshot_plus_the_events_after_it() {
        CustomerId customer = accountWithEvents(25);

        Account replayed = Account.replay(customer, wholeHistory(customer));
        Account loaded = ledger.load(customer).orElseThrow();

        assertThat(ledger.latestSnapshot(customer)).map(AccountSnapshot::version).contains(20L);
        assertThat(loaded).isEqualTo(replayed);
        assertThat(replayed.version()).isEqualTo(25);
        assertThat(replayed.balance()).isEqualTo(eur("840.00"));
        assertThat(account(customer).get("balance").asString()).isEqualTo("840.00");
    }

    @Test
    void loads_an_account_from_its_latest_snapshot_not_from_the_start() {
        CustomerId customer = accountWithEvents(12);
        Account replayed = Account.replay(customer, wholeHistory(customer));
        // A snapshot that disagrees with the ledger shows which of the two loading reads.
        jdbc.sql("UPDATE account_snapshot SET balance = balance + 1000 WHERE account_id = :id")
                .param("id", customer.value()).update();

        assertThat(ledger.load(customer).orElseThrow().balance()).isEqualTo(replayed.balance().plus(eur("1000.00")));

        jdbc.sql("UPDATE account_snapshot SET format = format + 1 WHERE account_id = :id")
                .param("id", customer.value()).update();
        assertThat(ledger.load(customer)).as("a snapshot of another layout is ignored").contains(replayed);
    }

    @Test
    void as_of_an_instant_gives_the_balance_the_ledger_had_then() {
        CustomerId customer = newCustomer();
        deposit(customer, "100.00");
        deposit(customer, "50.00");
        charge(customer, "30.00");
        List<Instant> times = ledger(customer).stream()
                .map(entry -> Instant.parse(entry.get("occurredAt").asString())).toList();

        assertThat(asOf(customer, times.get(1))).isEqualTo("2 100.00");
        assertThat(asOf(customer, times.get(2))).isEqualTo("3 150.00");
        assertThat(asOf(customer, times.get(3).minus(1, ChronoUnit.MICROS))).isEqualTo("3 150.00");
        assertThat(asOf(customer, times.get(3))).isEqualTo("4 120.00");
        assertThat(asOf(customer, Instant.now().plus(1, ChronoUnit.DAYS))).isEqualTo("4 120.00");
        Http.Response before = http.get("/accounts/" + customer + "?asOf=" + times.get(0).minusSeconds(1));
        assertThat(before.status()).as(before.toString()).isEqualTo(404);
        assertThat(before.contentType()).startsWith("application/problem+json");
    }

    @Test
    void as_of_any_instant_the_balance_is_a_replay_of_the_ledger_until_then() {
        CustomerId customer = accountWithEvents(25);
        List<LedgerEntry> history = wholeHistory(customer);

        assertThat(snapshotVersions(customer)).as("every snapshot is kept").containsExactly(10L, 20L);
        for (LedgerEntry entry : history) {
            Instant asOf = entry.occurredAt();
            List<LedgerEntry> untilThen = history.stream().filter(event -> !event.occurredAt().isAfter(asOf)).toList();

            assertThat(ledger.loadAsOf(customer, asOf)).as("as of version %d", entry.version())
                    .contains(Account.replay(customer, untilThen));
        }
        assertThat(ledger.loadAsOf(customer, history.getFirst().occurredAt().minusNanos(1000))).isEmpty();
    }

    @Test
    void as_of_an_instant_replays_only_the_events_after_the_latest_snapshot_at_or_before_it() {
        CustomerId customer = accountWithEvents(25);
        List<LedgerEntry> history = wholeHistory(customer);
        // A snapshot that disagrees with the ledger shows what asOf reads: not the events up to it.
        jdbc.sql("UPDATE account_snapshot SET balance = balance + 1000 WHERE account_id = :id AND version = 20")
                .param("id", customer.value()).update();

        assertThat(ledger.loadAsOf(customer, history.get(22).occurredAt()).orElseThrow().balance())
                .as("from the snapshot of version 20, then versions 21 to 23")
                .isEqualTo(Account.replay(customer, history.subList(0, 23)).balance().plus(eur("1000.00")));
        assertThat(ledger.loadAsOf(customer, history.get(19).occurredAt()).orElseThrow().balance())
                .as("as of version 20 itself: the snapshot alone")
                .isEqualTo(Account.replay(customer, history.subList(0, 20)).balance().plus(eur("1000.00")));
        assertThat(ledger.loadAsOf(customer, history.get(18).occurredAt()))
                .as("before it, from the snapshot of version 10")
                .contains(Account.replay(customer, history.subList(0, 19)));
    }

    @Test
    void two_concurrent_debits_of_one_account_for_different_orders_are_both_kept() throws Exception {
        CustomerId customer = newCustomer();
        deposit(customer, "100.00");
        double conflicts = conflicts();

        // The first debit is in the ledger but not committed; the second decides on the same version and waits. It
        // runs in a transaction of its own, as under a Kafka listener's idempotent consumer, so that its retry goes
        // back to a savepoint.
        HeldTransaction<ChargeResult> first = holdOpen(() -> charge(customer, "30.00"));
        Future<ChargeResult> second = threads.submit(() -> inTransaction(() -> charge(customer, "20.00")));
        awaitBlocked("INSERT INTO account_event");
        first.commit();

        assertThat(first.result().payment().status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(second.get(30, TimeUnit.SECONDS).payment().status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(conflicts()).as("the second debit lost the race once and was decided again")
                .isEqualTo(conflicts + 1);
        assertThat(balance(customer)).isEqualByComparingTo("50.00");
        assertThat(ledger(customer)).extracting(entry -> entry.get("version").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 4).boxed().toList());
        assertThat(ledger(customer)).extracting(LedgerIT::summary).endsWith(
                "3 MoneyWithdrawn 30.00 EUR", "4 MoneyWithdrawn 20.00 EUR");
    }

    @Test
    void the_second_of_two_concurrent_debits_is_declined_when_the_first_took_the_money() throws Exception {
        CustomerId customer = newCustomer();
        deposit(customer, "100.00");

        HeldTransaction<ChargeResult> first = holdOpen(() -> charge(customer, "70.00"));
        Future<ChargeResult> second = threads.submit(() -> charge(customer, "70.00"));
        awaitBlocked("INSERT INTO account_event");
        first.commit();

        assertThat(second.get(30, TimeUnit.SECONDS).payment().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(balance(customer)).isEqualByComparingTo("30.00");
    }

    @Test
    void two_concurrent_charges_of_one_order_debit_it_once_and_publish_once() throws Exception {
        CustomerId customer = newCustomer();
        deposit(customer, "100.00");
        OrderId order = OrderId.newId();
        ChargeOrder command = new ChargeOrder(order, customer, eur("30.00"));

        HeldTransaction<ChargeResult> first = holdOpen(() -> payments.charge(command));
        Future<ChargeResult> second = threads.submit(() -> payments.charge(command));
        awaitBlocked("INSERT INTO payment");
        first.commit();

        assertThat(first.result().alreadyDecided()).isFalse();
        assertThat(second.get(30, TimeUnit.SECONDS).alreadyDecided()).isTrue();
        assertThat(balance(customer)).isEqualByComparingTo("70.00");
        assertThat(outboxCount(order)).isEqualTo(1);
    }

    @Test
    void a_cancellation_that_races_a_charge_of_its_order_waits_for_it_and_refunds_it() throws Exception {
        CustomerId customer = newCustomer();
        deposit(customer, "100.00");
        OrderId order = OrderId.newId();

        HeldTransaction<ChargeResult> charge = holdOpen(() -> payments.charge(new ChargeOrder(order, customer,
                eur("30.00"))));
        Future<CancellationResult> cancellation = threads.submit(() -> inTransaction(() -> payments.orderCancelled(
                new CancelledOrder(order, customer, eur("30.00")))));
        awaitBlocked("INSERT INTO payment");
        charge.commit();

        assertThat(charge.result().payment().status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(cancellation.get(30, TimeUnit.SECONDS)).isEqualTo(CancellationResult.REFUNDED);
        assertThat(balance(customer)).isEqualByComparingTo("100.00");
        assertThat(ledger(customer)).extracting(LedgerIT::summary).endsWith(
                "3 MoneyWithdrawn 30.00 EUR", "4 MoneyRefunded 30.00 EUR");
    }

    @Test
    void a_charge_that_races_the_cancellation_of_its_order_waits_for_it_and_charges_nothing() throws Exception {
        CustomerId customer = newCustomer();
        deposit(customer, "100.00");
        OrderId order = OrderId.newId();

        HeldTransaction<CancellationResult> cancellation = holdOpen(() -> payments.orderCancelled(
                new CancelledOrder(order, customer, eur("30.00"))));
        Future<ChargeResult> charge = threads.submit(() -> payments.charge(new ChargeOrder(order, customer,
                eur("30.00"))));
        awaitBlocked("INSERT INTO payment");
        cancellation.commit();

        assertThat(cancellation.result()).isEqualTo(CancellationResult.VOIDED);
        ChargeResult charged = charge.get(30, TimeUnit.SECONDS);
        assertThat(charged.alreadyDecided()).isTrue();
        assertThat(charged.payment().status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(balance(customer)).isEqualByComparingTo("100.00");
        assertThat(ledger(customer)).hasSize(2);
        assertThat(outboxCount(order)).isZero();
    }

    @Test
    void the_ledger_refuses_a_second_refund_of_an_order_whatever_the_refund_table_says() {
        OrderId order = OrderId.newId();
        String refund = """
                INSERT INTO account_event (account_id, version, event_type, payload, occurred_at)
                VALUES ('bob', :version, 'money-refunded.v1', CAST(:payload AS jsonb), now())
                """;
        String payload = "{\"amount\": \"1.00\", \"currency\": \"EUR\", \"orderId\": \"" + order + "\"}";
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            long version = ledger(BOB).size();
            jdbc.sql(refund).param("version", version + 1).param("payload", payload).update();

            assertThatThrownBy(() -> jdbc.sql(refund).param("version", version + 2).param("payload", payload)
                    .update()).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("account_event_one_refund_per_order");
            status.setRollbackOnly();
        });
    }

    @Test
    void an_account_with_an_event_this_service_does_not_know_fails_loudly_instead_of_showing_a_wrong_balance() {
        CustomerId customer = newCustomer();
        deposit(customer, "100.00");
        jdbc.sql("""
                INSERT INTO account_event (account_id, version, event_type, payload, occurred_at)
                VALUES (:id, 3, 'money-frozen.v1', '{"amount": "100.00", "currency": "EUR"}', now())
                """).param("id", customer.value()).update();

        assertThatThrownBy(() -> ledger.load(customer)).isInstanceOf(UnknownLedgerEventException.class)
                .hasMessageContaining("'money-frozen.v1'").hasMessageContaining(customer.value());
        Http.Response response = http.get("/accounts/" + customer);
        assertThat(response.status()).as(response.toString()).isEqualTo(500);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("money-frozen");
    }

    @Test
    void the_ledger_refuses_to_change_or_forget_what_it_recorded() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE account_event SET payload = '{}' WHERE account_id = 'bob'").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM account_event WHERE account_id = 'bob'").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(ledger(BOB)).hasSize(2);
    }

    /** A new account with {@code count} events: opened by a deposit, then charges of 30.00 and deposits of 100.00. */
    private List<LedgerEntry> wholeHistory(CustomerId customer) {
        return ledger.history(customer, 0, Integer.MAX_VALUE);
    }

    private List<Long> snapshotVersions(CustomerId customer) {
        return jdbc.sql("SELECT version FROM account_snapshot WHERE account_id = :id ORDER BY version")
                .param("id", customer.value()).query(Long.class).list();
    }

    private CustomerId accountWithEvents(int count) {
        CustomerId customer = newCustomer();
        deposits.deposit(customer, new BigDecimal("100.00"), null);
        for (int version = 3; version <= count; version++) {
            if (version % 2 == 1) {
                charge(customer, "30.00");
            } else {
                deposits.deposit(customer, new BigDecimal("100.00"), null);
            }
        }
        return customer;
    }

    private ChargeResult charge(CustomerId customer, String amount) {
        return payments.charge(new ChargeOrder(OrderId.newId(), customer, eur(amount)));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return Objects.requireNonNull(new TransactionTemplate(transactionManager).execute(status -> work.get()));
    }

    private String asOf(CustomerId customer, Instant instant) {
        Http.Response response = http.get("/accounts/" + customer + "?asOf=" + instant);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode account = response.json();
        assertThat(Instant.parse(account.get("asOf").asString())).isEqualTo(instant);
        return account.get("version").asLong() + " " + account.get("balance").asString();
    }

    private double conflicts() {
        return meters.get("eventshop.payment.ledger.conflicts").counter().count();
    }

    /** Waits until another session of this database waits for a lock in a statement that starts so. */
    private void awaitBlocked(String statement) {
        await("a writer blocked in " + statement).atMost(PATIENCE).until(() -> jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE :statement
                """).param("statement", "%" + statement + "%").query(Long.class).single() > 0);
    }

    private static String summary(JsonNode entry) {
        return entry.get("version").asLong() + " " + entry.get("type").asString()
                + (entry.has("amount") ? " " + entry.get("amount").asString() : "") + " "
                + entry.get("currency").asString();
    }

    /** Runs work in a transaction and keeps it open, its writes uncommitted, until told to commit. */
    private <T> HeldTransaction<T> holdOpen(Supplier<T> work) throws InterruptedException {
        return new HeldTransaction<>(work);
    }

    /** Work done in a transaction that a test commits when it wants. */
    private final class HeldTransaction<T> {

        private final CountDownLatch done = new CountDownLatch(1);
        private final CountDownLatch commit = new CountDownLatch(1);
        private final Future<T> result;

        HeldTransaction(Supplier<T> work) throws InterruptedException {
            result = threads.submit(() -> new TransactionTemplate(transactionManager).execute(status -> {
                T value = work.get();
                done.countDown();
                try {
                    if (!commit.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never told to commit");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return value;
            }));
            assertThat(done.await(30, TimeUnit.SECONDS)).as("the held work ran").isTrue();
        }

        void commit() {
            commit.countDown();
        }

        T result() throws Exception {
            return result.get(30, TimeUnit.SECONDS);
        }
    }
}
