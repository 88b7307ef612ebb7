package dev.eventshop.system;

import static org.awaitility.Awaitility.await;

import dev.eventshop.events.Topics;
import dev.eventshop.stack.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The chaos soak: an open-loop load of orders (a fixed arrival rate, whatever the answers) from several customers,
 * with every outcome, while every part of the system, each a real process, is made to fail on a schedule: each
 * service and the broker SIGKILLed (and restarted by the launcher's supervisor), PostgreSQL crashed (immediate
 * shutdown) and paused (SIGSTOP) for 20 s. Then every invariant of the saga, read from the services' APIs and the
 * topics: every accepted order ended, one reservation and at most one net charge per order, stock and money
 * conserved, one email per order and kind, the analytics equal to the orders, no dead letters.
 *
 * <p>{@code -Dsoak.orders=20000} runs the longer soak, the fault schedule repeating throughout;
 * {@code -Dsoak.rate} sets the arrivals per second. The figures are in {@code docs/chaos-soak.md}.
 */
class ChaosSoakIT {

    private static final int ORDERS = Integer.getInteger("soak.orders", 2_000);
    private static final double RATE = Double.parseDouble(System.getProperty("soak.rate", "10"));
    /** The saga's deadline for this run: an order the saga lost is timed out then. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** Beyond the deadline: the last order placed, a restart under way, the timeout's own events. */
    private static final Duration MARGIN = Duration.ofSeconds(90);
    private static final Duration PAUSE = Duration.ofSeconds(20);
    private static final Duration RECOVERY = Duration.ofMinutes(3);
    /**
     * How long the services get, once every order is final, to work off what they have not read yet: emails, the
     * analytics, the sale of the stock of the last confirmed orders. Each check below reads the state once they have.
     */
    private static final Duration CONVERGENCE = Duration.ofMinutes(3);

    private static final String ORDERS_SERVICE = "order-service";
    private static final String INVENTORY = "inventory-service";
    private static final String PAYMENTS = "payment-service";
    private static final String EMAILS = "email-service";
    private static final String ANALYTICS = "analytics-service";
    /** Rich customers (deposited for), alice and bob from the seed data, frank who has no account at all. */
    private static final List<String> RICH = List.of("carol", "dave", "erin");
    private static final List<String> CUSTOMERS = List.of("alice", "bob", "carol", "dave", "erin", "frank");
    private static final List<String> STOCKED = List.of("KB-001", "MS-002", "MN-003", "HB-004");
    private static final List<String> SKUS = List.of("KB-001", "MS-002", "MN-003", "HB-004", "CB-005", "LS-006");
    private static final int RESTOCK = 15;
    private static final Duration RESTOCK_EVERY = Duration.ofSeconds(5);

    private static final String RESERVED = "dev.eventshop.inventory.stock-reserved.v1";
    private static final String RESERVATION_FAILED = "dev.eventshop.inventory.stock-reservation-failed.v1";
    private static final String RELEASED = "dev.eventshop.inventory.stock-released.v1";
    private static final String PAYMENT_COMPLETED = "dev.eventshop.payment.completed.v1";
    /** Not built yet: the saga deadline's refund of a late payment, as the contract names it. */
    private static final String PAYMENT_REFUNDED = "dev.eventshop.payment.refunded.v1";

    private static Path dataDir;
    private static RunningSystem system;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> rejected = new ConcurrentHashMap<>();
    private final Map<String, Integer> restocked = new ConcurrentHashMap<>();
    private final List<String> faults = new CopyOnWriteArrayList<>();
    private final List<String> unansweredRestocks = new CopyOnWriteArrayList<>();
    private final AtomicBoolean loading = new AtomicBoolean(true);
    private volatile long loadStart;

    @BeforeAll
    static void startASystemOfItsOwn() throws IOException {
        // Ten service JVMs would not fit on the machine: the other tests' system goes first.
        SharedSystem.stopIfStarted();
        dataDir = Files.createTempDirectory("eventshop-chaos-soak");
        system = new RunningSystem(dataDir, Services.ALL, Map.of(
                "EVENTSHOP_ORDER_SAGA_DEADLINE", DEADLINE.toSeconds() + "s",
                // A request in flight when its service is killed leaves its Idempotency-Key claimed, and a retry with
                // that key gets 409 until the claim counts as abandoned: 10 minutes by default, longer than the soak
                // retries a restock. A restock still running at 30 s fails instead of completing, never twice.
                "EVENTSHOP_WEB_IDEMPOTENCY_ABANDONED_AFTER", "30s",
                "EVENTSHOP_WEB_IDEMPOTENCY_PURGE_INTERVAL", "5s"));
        await().atMost(RECOVERY).until(() -> system.get(INVENTORY, "/products").size() == SKUS.size());
    }

    @AfterAll
    static void stopTheSystem() throws IOException {
        if (system != null) {
            system.close();
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void every_accepted_order_ends_and_nothing_is_lost_or_doubled_while_every_part_fails() throws Exception {
        for (String customer : RICH) {
            HttpResponse<String> deposit = system.post(PAYMENTS, "/accounts/" + customer + "/deposits",
                    "{\"amount\": \"1000000.00\"}");
            if (deposit.statusCode() / 100 != 2) {
                throw new IllegalStateException("deposit for " + customer + ": " + deposit.body());
            }
        }
        Map<String, Integer> stockAtStart = stock();
        // The order-service prices from its replica of the catalog: 422 until the replica has every product.
        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).until(() -> SKUS.stream().allMatch(sku ->
                system.post(ORDERS_SERVICE, "/orders", orderJson("frank", sku, 1)).statusCode() == 202));

        loadStart = System.nanoTime();
        Thread faultInjector = Thread.ofPlatform().name("chaos-faults").start(this::injectFaults);
        Thread restocker = Thread.ofPlatform().name("chaos-restocks").start(this::restock);
        Instant loadBegan = Instant.now();
        placeOrdersAtAFixedRate();
        Duration loadTook = Duration.between(loadBegan, Instant.now());
        loading.set(false);
        restocker.join();
        faultInjector.join();

        Instant settleFrom = Instant.now();
        awaitEveryPartRunning();
        Map<String, JsonNode> orders = new HashMap<>();
        try {
            await().atMost(DEADLINE.plus(MARGIN)).pollInterval(Duration.ofSeconds(5)).until(() -> {
                orders.putAll(everyOrder());
                return accepted.stream().allMatch(id -> orders.containsKey(id) && isFinal(orders.get(id)))
                        && orders.values().stream().allMatch(ChaosSoakIT::isFinal);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // Reported below with the other invariants, order by order.
        }
        Duration settled = Duration.between(settleFrom, Instant.now());
        Duration caughtUp = awaitEveryConsumerCaughtUp();

        SoftAssertions soft = new SoftAssertions();
        Map<String, Long> outcomes = orders.values().stream()
                .collect(Collectors.groupingBy(ChaosSoakIT::outcome, TreeMap::new, Collectors.counting()));
        report(loadTook, settled, caughtUp, orders, outcomes);

        soft.assertThat(accepted).as("orders answered 202").hasSizeGreaterThanOrEqualTo(ORDERS);
        soft.assertThat(faults).as("faults injected").hasSizeGreaterThanOrEqualTo(Services.ALL.size() + 3);
        List<String> notEnded = accepted.stream()
                .filter(id -> !orders.containsKey(id) || !isFinal(orders.get(id))).sorted().toList();
        soft.assertThat(notEnded).as("accepted orders not CONFIRMED or CANCELLED %s after the load (of %d)",
                Banner.seconds(DEADLINE.plus(MARGIN)), accepted.size()).isEmpty();
        soft.assertThat(outcomes).as("every outcome occurs").containsKeys("CONFIRMED",
                "CANCELLED PAYMENT_DECLINED", "CANCELLED OUT_OF_STOCK");

        Map<String, List<String>> inventoryEvents = eventTypesByOrder(Topics.INVENTORY_EVENTS.name());
        Map<String, List<String>> paymentEvents = eventTypesByOrder(Topics.PAYMENT_EVENTS.name());
        assertOneReservationAndOneNetChargeAtMost(soft, orders, inventoryEvents, paymentEvents);
        assertStockConserved(soft, orders, stockAtStart);
        assertEveryBalanceIsItsLedger(soft, orders);
        assertOneEmailPerOrderAndKind(soft, orders);
        assertTheAnalyticsEqualTheOrders(soft, orders);
        soft.assertThat(deadLetters()).as("records on dead-letter topics (the test sends no poison)")
                .allSatisfy((topic, count) -> soft.assertThat(count).as(topic).isZero());
        soft.assertAll();
    }

    // ---------------------------------------------------------------------------------------------------- the load

    /** Open loop: one order every 1/RATE seconds, sent without waiting for the last answer, until enough are in. */
    private void placeOrdersAtAFixedRate() throws InterruptedException {
        Random random = new Random(42);
        long interval = (long) (1_000_000_000L / RATE);
        long maxDuration = (long) (ORDERS / RATE * 4 * 1_000_000_000L);
        long next = System.nanoTime();
        AtomicInteger inFlight = new AtomicInteger();
        while (accepted.size() < ORDERS && System.nanoTime() - loadStart < maxDuration) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            next += interval;
            String json = randomOrder(random);
            inFlight.incrementAndGet();
            http.sendAsync(HttpRequest.newBuilder(URI.create(url(ORDERS_SERVICE) + "/orders"))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        inFlight.decrementAndGet();
                        if (response != null && response.statusCode() == 202) {
                            accepted.add(RunningSystem.json(response).get("orderId").asString());
                        } else {
                            String why = response != null ? "HTTP " + response.statusCode()
                                    : failure.getClass().getSimpleName();
                            rejected.computeIfAbsent(why, key -> new AtomicInteger()).incrementAndGet();
                        }
                    });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> inFlight.get() == 0);
    }

    /** Mostly orders that can be paid; some that cannot (bob, frank); some for the laptop stand, never in stock. */
    private static String randomOrder(Random random) {
        int dice = random.nextInt(100);
        if (dice < 10) {
            return orderJson("bob", "MN-003", 1);
        }
        if (dice < 15) {
            return orderJson("frank", STOCKED.get(random.nextInt(STOCKED.size())), 1);
        }
        if (dice < 25) {
            return orderJson(RICH.get(random.nextInt(RICH.size())), "LS-006", 1);
        }
        String customer = dice < 35 ? "alice" : RICH.get(random.nextInt(RICH.size()));
        return orderJson(customer, STOCKED.get(random.nextInt(STOCKED.size())), 1 + random.nextInt(2));
    }

    /** Every few seconds, some of each stocked product; each restock retried with its key until it is answered. */
    private void restock() {
        try {
            while (loading.get()) {
                Thread.sleep(RESTOCK_EVERY);
                for (String sku : STOCKED) {
                    String key = UUID.randomUUID().toString();
                    // Until answered: the key makes every retry the same restock, so it counts exactly once.
                    await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                        URI.create(url(INVENTORY) + "/products/" + sku + "/restock"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\": " + RESTOCK + "}"))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        return response.statusCode() == 200;
                    });
                    restocked.merge(sku, RESTOCK, Integer::sum);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // A restock that may or may not have happened: the stock can no longer be accounted for.
            unansweredRestocks.add(e.getMessage());
        }
    }

    // -------------------------------------------------------------------------------------------------- the faults

    /** The schedule, from the load's start; it starts over while the load goes on (the longer soak). */
    private void injectFaults() {
        record Fault(Duration at, String name, Runnable inject) {
        }
        List<Fault> schedule = List.of(
                new Fault(Duration.ofSeconds(10), "SIGKILL inventory-service", () -> killService(INVENTORY)),
                new Fault(Duration.ofSeconds(20), "SIGKILL Kafka", () -> kill(system::kafka)),
                new Fault(Duration.ofSeconds(35), "SIGKILL payment-service", () -> killService(PAYMENTS)),
                new Fault(Duration.ofSeconds(45), "PostgreSQL crash (SIGQUIT, immediate shutdown)",
                        () -> signal("QUIT", false)),
                new Fault(Duration.ofSeconds(60), "SIGKILL email-service", () -> killService(EMAILS)),
                new Fault(Duration.ofSeconds(70), "PostgreSQL paused 20 s (SIGSTOP)", this::pausePostgres),
                new Fault(Duration.ofSeconds(95), "SIGKILL analytics-service", () -> killService(ANALYTICS)),
                new Fault(Duration.ofSeconds(105), "SIGKILL order-service", () -> killService(ORDERS_SERVICE)));
        Duration cycle = Duration.ofSeconds(150);
        try {
            for (int round = 0; loading.get(); round++) {
                for (Fault fault : schedule) {
                    long due = loadStart + cycle.multipliedBy(round).plus(fault.at()).toNanos();
                    while (loading.get() && System.nanoTime() < due) {
                        Thread.sleep(100);
                    }
                    if (!loading.get()) {
                        return;
                    }
                    double at = (System.nanoTime() - loadStart) / 1e9;
                    System.out.println("[chaos] %5.1f s  %s".formatted(at, fault.name()));
                    try {
                        fault.inject().run();
                        faults.add("%.0f s %s".formatted(at, fault.name()));
                    } catch (RuntimeException e) {
                        // Counted out by the assertion on the faults injected.
                        System.out.println("[chaos] could not inject " + fault.name() + ": " + e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Once the service is back from any earlier fault: killing a process that is down proves nothing. */
    private void killService(String service) {
        await().atMost(RECOVERY).until(() -> system.isReady(service));
        kill(() -> system.service(service));
    }

    private static void kill(java.util.function.Supplier<java.util.Optional<ProcessHandle>> process) {
        await().atMost(RECOVERY).until(() -> process.get().isPresent());
        process.get().orElseThrow().destroyForcibly();
    }

    private void pausePostgres() {
        signal("STOP", true);
        try {
            Thread.sleep(PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            signal("CONT", true);
        }
    }

    /**
     * To the postmaster, or to it and every process it started: the server and every backend. Each PostgreSQL child
     * is a process group of its own, so the processes are named one by one, by positive pid: procps-ng's kill with a
     * negative pid signalled every process of the machine here, the test and the shell that ran it included.
     */
    private static void signal(String signal, boolean wholeServer) {
        await().atMost(RECOVERY).until(() -> system.postmaster().isPresent());
        ProcessHandle postmaster = system.postmaster().orElseThrow();
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, "--", Long.toString(postmaster.pid())));
        if (wholeServer) {
            postmaster.descendants().forEach(child -> command.add(Long.toString(child.pid())));
        }
        try {
            Process kill = new ProcessBuilder(command).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitEveryPartRunning() {
        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).until(() -> system.kafkaIsRunning()
                && system.postgresIsRunning() && system.serviceNames().stream().allMatch(system::isReady));
    }

    // ----------------------------------------------------------------------------------------------- the invariants

    private static void assertOneReservationAndOneNetChargeAtMost(SoftAssertions soft, Map<String, JsonNode> orders,
            Map<String, List<String>> inventoryEvents, Map<String, List<String>> paymentEvents) {
        List<String> reservations = new ArrayList<>();
        List<String> releases = new ArrayList<>();
        List<String> charges = new ArrayList<>();
        for (JsonNode order : orders.values()) {
            String id = order.get("orderId").asString();
            List<String> inventory = inventoryEvents.getOrDefault(id, List.of());
            long decisions = inventory.stream().filter(type -> type.equals(RESERVED)
                    || type.equals(RESERVATION_FAILED)).count();
            long reserved = inventory.stream().filter(RESERVED::equals).count();
            long released = inventory.stream().filter(RELEASED::equals).count();
            if (decisions != 1) {
                reservations.add(id + " " + outcome(order) + ": " + inventory);
            }
            long expectedReleases = reserved == 1 && status(order).equals("CANCELLED") ? 1 : 0;
            if (released != expectedReleases) {
                releases.add(id + " " + outcome(order) + ": " + inventory);
            }
            List<String> payment = paymentEvents.getOrDefault(id, List.of());
            long netCharges = payment.stream().filter(PAYMENT_COMPLETED::equals).count()
                    - payment.stream().filter(PAYMENT_REFUNDED::equals).count();
            long expectedCharges = status(order).equals("CONFIRMED") ? 1 : 0;
            if (netCharges != expectedCharges) {
                charges.add(id + " " + outcome(order) + ": " + payment);
            }
        }
        soft.assertThat(reservations).as("orders without exactly one reservation decision (distinct events)")
                .isEmpty();
        soft.assertThat(releases).as("orders whose reservation was released other than once if cancelled").isEmpty();
        soft.assertThat(charges).as("orders with a net charge other than 1 if confirmed, 0 if cancelled").isEmpty();
    }

    /** Start + restocks = available + reserved + sold, for every product; nothing stays reserved. */
    private void assertStockConserved(SoftAssertions soft, Map<String, JsonNode> orders,
            Map<String, Integer> stockAtStart) {
        soft.assertThat(unansweredRestocks).as("restocks never answered within %s, so not accounted for",
                Banner.seconds(RECOVERY)).isEmpty();
        Map<String, Integer> sold = new HashMap<>();
        orders.values().stream().filter(order -> status(order).equals("CONFIRMED"))
                .forEach(order -> order.get("items").forEach(item ->
                        sold.merge(item.get("sku").asString(), item.get("quantity").asInt(), Integer::sum)));
        for (String sku : SKUS) {
            JsonNode product = system.get(INVENTORY, "/products/" + sku);
            int available = product.get("available").asInt();
            int reserved = product.get("reserved").asInt();
            soft.assertThat(available + reserved + sold.getOrDefault(sku, 0))
                    .as("%s: available %d + reserved %d + sold %d = start %d + restocked %d", sku, available,
                            reserved, sold.getOrDefault(sku, 0), stockAtStart.get(sku), restocked.getOrDefault(sku, 0))
                    .isEqualTo(stockAtStart.get(sku) + restocked.getOrDefault(sku, 0));
            soft.assertThat(reserved).as("%s still reserved once every order has ended", sku).isZero();
        }
    }

    /** Every event of a customer's ledger, following the pages' {@code next} links. */
    private static List<JsonNode> ledger(String customer) {
        List<JsonNode> events = new ArrayList<>();
        String page = "/accounts/" + customer + "/events?size=1000";
        while (page != null) {
            JsonNode body = system.get(PAYMENTS, page);
            body.get("content").forEach(events::add);
            page = body.hasNonNull("next") ? body.get("next").asString() : null;
        }
        return events;
    }

    /** The balance is its ledger's sum, and the ledger charges each confirmed order once and no other. */
    private static void assertEveryBalanceIsItsLedger(SoftAssertions soft, Map<String, JsonNode> orders) {
        Map<String, BigDecimal> netChargePerOrder = new HashMap<>();
        for (String customer : CUSTOMERS) {
            HttpResponse<String> account = system.getResponse(PAYMENTS, "/accounts/" + customer);
            if (account.statusCode() == 404) {
                continue;
            }
            BigDecimal balance = new BigDecimal(RunningSystem.json(account).get("balance").asString());
            BigDecimal fromLedger = BigDecimal.ZERO;
            for (JsonNode entry : ledger(customer)) {
                String type = entry.get("type").asString();
                BigDecimal amount = entry.hasNonNull("amount") ? new BigDecimal(entry.get("amount").asString())
                        : BigDecimal.ZERO;
                BigDecimal signed = switch (type) {
                    case "MoneyWithdrawn" -> amount.negate();
                    case "MoneyDeposited", "MoneyRefunded" -> amount;
                    case "AccountOpened" -> BigDecimal.ZERO;
                    default -> {
                        soft.fail("%s's ledger holds an event this check does not know: %s", customer, type);
                        yield BigDecimal.ZERO;
                    }
                };
                fromLedger = fromLedger.add(signed);
                if (entry.hasNonNull("orderId")) {
                    netChargePerOrder.merge(entry.get("orderId").asString(), signed.negate(), BigDecimal::add);
                }
            }
            soft.assertThat(balance).as("%s's balance against deposits - charges + refunds in its ledger", customer)
                    .isEqualByComparingTo(fromLedger);
        }
        List<String> wrong = orders.values().stream().filter(order -> {
            BigDecimal charged = netChargePerOrder.getOrDefault(order.get("orderId").asString(), BigDecimal.ZERO);
            BigDecimal expected = status(order).equals("CONFIRMED") ? new BigDecimal(order.get("total").asString())
                    : BigDecimal.ZERO;
            return charged.compareTo(expected) != 0;
        }).map(order -> order.get("orderId").asString() + " " + outcome(order) + " charged "
                + netChargePerOrder.get(order.get("orderId").asString())).toList();
        soft.assertThat(wrong).as("orders whose ledger charge is not their total if confirmed, nothing if cancelled")
                .isEmpty();
    }

    private static void assertOneEmailPerOrderAndKind(SoftAssertions soft, Map<String, JsonNode> orders) {
        Map<String, List<String>> kinds = new HashMap<>();
        try {
            await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
                for (JsonNode order : orders.values()) {
                    String id = order.get("orderId").asString();
                    if (!kinds.containsKey(id) || kinds.get(id).isEmpty()) {
                        List<String> sent = new ArrayList<>();
                        system.get(EMAILS, "/emails?orderId=" + id).forEach(email -> sent.add(
                                email.get("kind").asString()));
                        kinds.put(id, sent);
                    }
                }
                return kinds.values().stream().noneMatch(List::isEmpty);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // Reported below, order by order.
        }
        List<String> wrong = orders.values().stream().filter(order -> {
            String expected = status(order).equals("CONFIRMED") ? "ORDER_CONFIRMED" : "ORDER_CANCELLED";
            return !kinds.getOrDefault(order.get("orderId").asString(), List.of()).equals(List.of(expected));
        }).map(order -> order.get("orderId").asString() + " " + outcome(order) + ": "
                + kinds.get(order.get("orderId").asString())).toList();
        soft.assertThat(wrong).as("orders without exactly one email, of the kind of their outcome").isEmpty();
    }

    private static void assertTheAnalyticsEqualTheOrders(SoftAssertions soft, Map<String, JsonNode> orders) {
        long confirmed = orders.values().stream().filter(order -> status(order).equals("CONFIRMED")).count();
        Map<String, Long> cancelledByReason = orders.values().stream()
                .filter(order -> status(order).equals("CANCELLED"))
                .collect(Collectors.groupingBy(order -> order.get("cancellationReason").asString(), TreeMap::new,
                        Collectors.counting()));
        BigDecimal revenue = orders.values().stream().filter(order -> status(order).equals("CONFIRMED"))
                .map(order -> new BigDecimal(order.get("total").asString())).reduce(BigDecimal.ZERO, BigDecimal::add);
        String expected = "placed %d, confirmed %d, cancelled %s, pending 0, revenue %s".formatted(orders.size(),
                confirmed, cancelledByReason, revenue.stripTrailingZeros().toPlainString());
        List<String> last = new ArrayList<>(List.of(""));
        try {
            await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
                JsonNode summary = system.get(ANALYTICS, "/analytics/summary");
                JsonNode counts = summary.get("orders");
                Map<String, Long> reasons = new TreeMap<>();
                counts.get("cancelledByReason").properties().forEach(reason -> {
                    if (reason.getValue().asLong() != 0) {
                        reasons.put(reason.getKey(), reason.getValue().asLong());
                    }
                });
                BigDecimal amount = summary.get("revenue").isEmpty() ? BigDecimal.ZERO
                        : new BigDecimal(summary.get("revenue").get(0).get("amount").asString());
                last.set(0, "placed %d, confirmed %d, cancelled %s, pending %d, revenue %s".formatted(
                        counts.get("placed").asLong(), counts.get("confirmed").asLong(), reasons,
                        counts.get("pending").asLong(), amount.stripTrailingZeros().toPlainString()));
                return last.getFirst().equals(expected);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // Reported below.
        }
        soft.assertThat(last.getFirst()).as("the analytics summary against the orders").isEqualTo(expected);
    }

    // ------------------------------------------------------------------------------------------------ reading state

    private static Map<String, Integer> stock() {
        Map<String, Integer> stock = new HashMap<>();
        for (String sku : SKUS) {
            JsonNode product = system.get(INVENTORY, "/products/" + sku);
            stock.put(sku, product.get("available").asInt() + product.get("reserved").asInt());
        }
        return stock;
    }

    /** Every order of every customer, by id: those answered 202 and any whose answer was lost on the way. */
    private static Map<String, JsonNode> everyOrder() {
        Map<String, JsonNode> orders = new HashMap<>();
        for (String customer : CUSTOMERS) {
            for (int page = 0; ; page++) {
                JsonNode content = system.get(ORDERS_SERVICE,
                        "/orders?customerId=" + customer + "&size=100&page=" + page).get("content");
                content.forEach(order -> orders.put(order.get("orderId").asString(), order));
                if (content.size() < 100) {
                    break;
                }
            }
        }
        return orders;
    }

    /** The type of every distinct event (by {@code ce_id}) on the topic, by order id, in topic order. */
    private static Map<String, List<String>> eventTypesByOrder(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, List<String>> types = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (seen.add(header(record, "ce_id"))) {
                        types.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(header(record, "ce_type"));
                    }
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
        }
        return types;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Records on every dead-letter topic ({@code <topic>.<service>.dlt}), by topic. */
    /**
     * Waits until every service's consumer group has read everything on the topics it consumes (the committed offset
     * of every partition it holds is its end) twice in a row, three seconds apart, so that what a handler appended
     * to its outbox meanwhile has been published and read too. Returns how long that took; on a timeout the checks
     * run all the same and say what is missing.
     */
    private static Duration awaitEveryConsumerCaughtUp() throws Exception {
        Instant from = Instant.now();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.kafkaBootstrapServers()))) {
            AtomicInteger quiet = new AtomicInteger();
            await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(3)).ignoreExceptions().until(() -> {
                long lag = 0;
                for (String group : List.of(ORDERS_SERVICE, INVENTORY, PAYMENTS, EMAILS, ANALYTICS)) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest)
                            .all().get(30, TimeUnit.SECONDS);
                    for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                        long offset = entry.getValue() == null ? 0 : entry.getValue().offset();
                        lag += Math.max(0, ends.get(entry.getKey()).offset() - offset);
                    }
                }
                if (lag > 0) {
                    quiet.set(0);
                    return false;
                }
                return quiet.incrementAndGet() >= 2;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("[chaos] the consumers did not catch up within " + Banner.seconds(CONVERGENCE));
        }
        return Duration.between(from, Instant.now());
    }

    private static Map<String, Long> deadLetters() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.kafkaBootstrapServers()))) {
            List<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.endsWith(".dlt")).sorted().toList();
            Map<String, Long> counts = new LinkedHashMap<>();
            Properties properties = new Properties();
            properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
            properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
                for (String topic : topics) {
                    List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(partition -> new TopicPartition(topic, partition.partition())).toList();
                    Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
                    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                    counts.put(topic, partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum());
                }
            }
            return counts;
        }
    }

    private void report(Duration loadTook, Duration settled, Duration caughtUp, Map<String, JsonNode> orders,
            Map<String, Long> outcomes) throws Exception {
        System.out.println("""
                [chaos] ---------------------------------------------------------------- soak figures
                [chaos] arrivals %.0f/s for %s: %d answered 202, not answered 202: %s
                [chaos] faults: %s
                [chaos] orders in the order-service: %d; outcomes %s; settled %s after the load
                [chaos] every consumer group caught up %s after that
                [chaos] restocked %s; dead letters %s""".formatted(RATE, Banner.seconds(loadTook), accepted.size(),
                new TreeMap<>(rejected), faults, orders.size(), outcomes, Banner.seconds(settled),
                Banner.seconds(caughtUp),
                new TreeMap<>(restocked), deadLetters()));
    }

    private static boolean isFinal(JsonNode order) {
        return !status(order).equals("PENDING");
    }

    private static String status(JsonNode order) {
        return order.get("status").asString();
    }

    private static String outcome(JsonNode order) {
        return status(order) + (order.hasNonNull("cancellationReason")
                ? " " + order.get("cancellationReason").asString() : "");
    }

    private static String orderJson(String customer, String sku, int quantity) {
        return """
                {"customerId": "%s", "items": [{"sku": "%s", "quantity": %d}]}""".formatted(customer, sku, quantity);
    }

    private static String url(String service) {
        return system.url(service);
    }

    /** Durations as the launcher prints them. */
    private static final class Banner {

        static String seconds(Duration duration) {
            return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
    }
}
