package dev.eventshop.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.inventory.stock.application.ReserveStock;
import dev.eventshop.inventory.stock.application.StockReservations;
import dev.eventshop.inventory.stock.domain.StockItem;
import dev.eventshop.inventory.stock.domain.StockRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reservation's locking, under real concurrency on the database: one listener container handles its partitions
 * one record at a time, but several replicas and the retry topics' containers reserve at the same time. Twenty
 * reservations run at once, straight through the use case, for two products that each order asks for in a different
 * order of lines; then ten releases of one reservation run at once.
 */
class ConcurrentReservationIT extends IntegrationTest {

    private static final int UNITS = 5;
    private static final int ORDERS = 20;

    @Autowired
    StockReservations reservations;

    @Test
    void concurrent_reservations_never_oversell_and_never_deadlock() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Sku first = insertProduct("RACE-A-" + suffix, UNITS);
        Sku second = insertProduct("RACE-B-" + suffix, UNITS);
        List<OrderId> orders = new ArrayList<>();
        List<Runnable> reservationsAtOnce = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            OrderId orderId = OrderId.newId();
            orders.add(orderId);
            // Lines in both orders: the locks are taken in SKU order whatever the order's lines say.
            List<StockItem> lines = i % 2 == 0
                    ? List.of(new StockItem(first, 1), new StockItem(second, 1))
                    : List.of(new StockItem(second, 1), new StockItem(first, 1));
            ReserveStock command = new ReserveStock(orderId, new CustomerId("racer-" + i), StockRequest.of(lines),
                    Money.of("2.00", "EUR"));
            reservationsAtOnce.add(() -> reservations.reserve(command));
        }

        runAtOnce(reservationsAtOnce);

        Map<String, Long> statuses = orders.stream()
                .map(orderId -> reservationStatus(orderId).orElseThrow())
                .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
        assertThat(statuses).isEqualTo(Map.of("RESERVED", (long) UNITS, "FAILED", (long) ORDERS - UNITS));
        assertThat(stock(first.value())).isEqualTo(new Stock(0, UNITS));
        assertThat(stock(second.value())).isEqualTo(new Stock(0, UNITS));
    }

    @Test
    void concurrent_releases_of_one_reservation_release_it_once() throws Exception {
        Sku sku = insertProduct("RACE-C-" + UUID.randomUUID().toString().substring(0, 8), 10);
        OrderId orderId = OrderId.newId();
        CustomerId customer = new CustomerId("bob");
        reservations.reserve(new ReserveStock(orderId, customer, StockRequest.of(List.of(new StockItem(sku, 2))),
                Money.of("2.00", "EUR")));
        assertThat(stock(sku.value())).isEqualTo(new Stock(8, 2));

        // Ten releases of the order at once, as its payment failure, its cancellation and their retries could come.
        runAtOnce(IntStream.range(0, 10).<Runnable>mapToObj(i -> () -> reservations.release(orderId, customer))
                .toList());

        assertThat(stock(sku.value())).isEqualTo(new Stock(10, 0));
        assertThat(reservationStatus(orderId)).contains("RELEASED");
        assertThat(outboxCount(orderId.toString(), SagaEvents.STOCK_RELEASED)).isEqualTo(1);
    }

    /** Runs every task on a thread of its own, all released at once; fails if any of them fails. */
    private static void runAtOnce(List<Runnable> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(tasks.size())) {
            for (Runnable task : tasks) {
                done.add(threads.submit(() -> {
                    start.await();
                    task.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> task : done) {
                task.get(60, TimeUnit.SECONDS);
            }
        }
    }

    /** A product of the test's own, its state published already, so that no other test sees it change. */
    private Sku insertProduct(String sku, int available) {
        jdbc.sql("""
                INSERT INTO product (sku, name, price, currency, available, reserved, version, published_version,
                                     updated_at)
                VALUES (:sku, 'Racing stripe', 1.00, 'EUR', :available, 0, 1, 1, clock_timestamp())
                """)
                .param("sku", sku).param("available", available).update();
        return new Sku(sku);
    }
}
