package dev.eventshop.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Traffic like a shop's: most orders from many funded customers for one to three products in stock, which end
 * {@code CONFIRMED}; one in ten from bob, whose 50 EUR never pays for a monitor ({@code PAYMENT_DECLINED}, the reserved
 * stock released again); one in ten for the laptop stand, never in stock ({@code OUT_OF_STOCK}). Seeded, so every run
 * sends the same sequence.
 */
final class OrderMix {

    static final List<String> IN_STOCK = List.of("KB-001", "MS-002", "HB-004");
    static final String DECLINED_SKU = "MN-003";
    static final String OUT_OF_STOCK_SKU = "LS-006";
    static final String DECLINED_CUSTOMER = "bob";
    /** alice and twenty more; the benchmark deposits enough for every order they will place. */
    static final List<String> FUNDED_CUSTOMERS = funded();

    /** A request body and what the order must end as. */
    record Order(String json, String expectedOutcome) {
    }

    private final Random random;

    OrderMix(long seed) {
        this.random = new Random(seed);
    }

    synchronized Order next() {
        int draw = random.nextInt(10);
        String customer = FUNDED_CUSTOMERS.get(random.nextInt(FUNDED_CUSTOMERS.size()));
        if (draw == 0) {
            return new Order(body(DECLINED_CUSTOMER, List.of(DECLINED_SKU), 1), "PAYMENT_DECLINED");
        }
        if (draw == 1) {
            return new Order(body(customer, List.of(OUT_OF_STOCK_SKU), 1), "OUT_OF_STOCK");
        }
        List<String> skus = new ArrayList<>(IN_STOCK);
        java.util.Collections.shuffle(skus, random);
        return new Order(body(customer, skus.subList(0, 1 + random.nextInt(skus.size())), 1 + random.nextInt(2)),
                "CONFIRMED");
    }

    private static String body(String customer, List<String> skus, int quantity) {
        return skus.stream()
                .map(sku -> "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}")
                .collect(Collectors.joining(",", "{\"customerId\":\"" + customer + "\",\"items\":[", "]}"));
    }

    private static List<String> funded() {
        List<String> customers = new ArrayList<>(List.of("alice"));
        for (int i = 1; i <= 20; i++) {
            customers.add("shopper-%02d".formatted(i));
        }
        return List.copyOf(customers);
    }
}
