package dev.eventshop.analytics;

import dev.eventshop.events.CustomerId;
import dev.eventshop.events.EventCatalog;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import dev.eventshop.events.inventory.ProductUpdated;
import dev.eventshop.events.order.OrderLine;
import dev.eventshop.testsupport.EventInjector;
import dev.eventshop.testsupport.EventInjector.Published;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes what the other services would: the product catalog and each order's saga, as CloudEvents records on the
 * real topics. Remembers everything it published for the whole test JVM in one {@link Ledger}: the service reads every
 * topic from the start, so what it shows is the figures of everything any test published, and that is what tests
 * compare it with.
 */
public final class Shop {

    /** The seed catalog of the system contract. */
    public static final List<ProductUpdated> SEED_CATALOG = List.of(
            product("KB-001", "Mechanical keyboard", "89.00"),
            product("MS-002", "Wireless mouse", "29.00"),
            product("MN-003", "27-inch monitor", "249.00"),
            product("HB-004", "USB-C hub", "39.00"),
            product("CB-005", "Limited edition cable", "9.00"),
            product("LS-006", "Laptop stand", "45.00"));

    private static final Ledger LEDGER = new Ledger();
    /** Each saga is placed a second after the one before, in a past far from the time it is published. */
    private static final AtomicLong NEXT_PLACEMENT = new AtomicLong(Instant.parse("2026-06-01T08:00:00Z").getEpochSecond());

    private final EventInjector injector;

    public Shop(EventInjector injector) {
        this.injector = injector;
    }

    public static Ledger ledger() {
        return LEDGER;
    }

    /** Publishes the seed catalog, once per test JVM. */
    public void openWithTheSeedCatalog() {
        synchronized (LEDGER) {
            if (LEDGER.catalogPublished) {
                return;
            }
            SEED_CATALOG.forEach(this::publishProduct);
            LEDGER.catalogPublished = true;
        }
    }

    public void publishProduct(ProductUpdated product) {
        remember(List.of(injector.publish(product)));
        LEDGER.products.add(product);
    }

    /** A saga of one line of a seed product, not yet published. */
    public Saga saga(Saga.Outcome outcome, Duration decidedAfter, String sku, int quantity) {
        return saga(outcome, decidedAfter, List.of(line(sku, quantity)));
    }

    public Saga saga(Saga.Outcome outcome, Duration decidedAfter, List<OrderLine> lines) {
        CustomerId customer = new CustomerId(outcome == Saga.Outcome.PAYMENT_DECLINED ? "bob" : "alice");
        return new Saga(OrderId.newId(), customer, lines, outcome,
                Instant.ofEpochSecond(NEXT_PLACEMENT.getAndIncrement()), decidedAfter);
    }

    /**
     * {@code count} sagas of random seed products, about 60 % confirmed, 25 % declined and 15 % out of stock, each
     * decided after 50 ms to 5 s in whole milliseconds, not yet published.
     */
    public List<Saga> mix(int count, long seed) {
        Random random = new Random(seed);
        List<String> skus = List.of("KB-001", "MS-002", "MN-003", "HB-004", "CB-005");
        List<Saga> sagas = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(100);
            Saga.Outcome outcome = roll < 60 ? Saga.Outcome.CONFIRMED
                    : roll < 85 ? Saga.Outcome.PAYMENT_DECLINED : Saga.Outcome.OUT_OF_STOCK;
            List<String> picked = new ArrayList<>(skus);
            Collections.shuffle(picked, random);
            List<OrderLine> lines = picked.subList(0, 1 + random.nextInt(3)).stream()
                    .map(sku -> line(sku, 1 + random.nextInt(3))).toList();
            sagas.add(saga(outcome, Duration.ofMillis(50 + random.nextInt(4951)), lines));
        }
        return sagas;
    }

    /** Publishes every event of the sagas, each saga's in the order its services publish them. */
    public void publish(List<Saga> sagas) {
        sagas.forEach(saga -> publish(saga, saga.events()));
    }

    public void publish(Saga saga) {
        publish(List.of(saga));
    }

    /** Publishes a saga's events in the order given, which need not be the order they happened in. */
    public void publish(Saga saga, List<IntegrationEvent> events) {
        LEDGER.sagas.add(saga);
        remember(injector.publishAll(events));
    }

    /**
     * Publishes an event on the analytics-service's first retry topic of its topic, as if its first delivery had
     * failed: the service gets it after the events published on the topic itself since.
     */
    public void publishAsRetry(IntegrationEvent event) {
        injector.publishOn(EventCatalog.of(event).topic().name() + ".analytics-service.retry-0", event);
    }

    /** Publishes the sagas' events again under new ids: the same facts, as a producer that lost track might. */
    public void republishUnderNewIds(List<Saga> sagas) {
        remember(injector.publishAll(sagas.stream().flatMap(saga -> saga.events().stream()).toList()));
    }

    /** Delivers every event published so far once more, with its id, as a relay that sent and died would. */
    public int redeliverEverything() {
        List<Published> redelivered = injector.redeliver(List.copyOf(LEDGER.published));
        LEDGER.records.addAndGet(redelivered.size());
        return redelivered.size();
    }

    private static void remember(List<Published> published) {
        LEDGER.published.addAll(published);
        LEDGER.records.addAndGet(published.size());
    }

    public static OrderLine line(String sku, int quantity) {
        ProductUpdated product = SEED_CATALOG.stream().filter(each -> each.sku().value().equals(sku)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a seed product: " + sku));
        return new OrderLine(product.sku(), quantity, product.price());
    }

    private static ProductUpdated product(String sku, String name, String price) {
        return new ProductUpdated(new Sku(sku), name, Money.of(price, "EUR"), 100, 0,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Everything published in this JVM. */
    public static final class Ledger {

        final List<Saga> sagas = Collections.synchronizedList(new ArrayList<>());
        final List<ProductUpdated> products = Collections.synchronizedList(new ArrayList<>());
        final List<Published> published = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong records = new AtomicLong();
        boolean catalogPublished;

        public List<Saga> sagas() {
            return List.copyOf(sagas);
        }

        public List<ProductUpdated> products() {
            return List.copyOf(products);
        }

        /** Records published on the system's topics, redeliveries included (not those put on retry topics). */
        public long records() {
            return records.get();
        }
    }
}
