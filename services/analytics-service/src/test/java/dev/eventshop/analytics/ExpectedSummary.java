package dev.eventshop.analytics;

import dev.eventshop.analytics.sales.web.SummaryResponse;
import dev.eventshop.events.Sku;
import dev.eventshop.events.inventory.ProductUpdated;
import dev.eventshop.events.order.CancellationReason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the summary must say about what the tests published, worked out here from the sagas themselves, the simple way,
 * independently of how the service gets there.
 */
final class ExpectedSummary {

    private ExpectedSummary() {
    }

    static SummaryResponse of(Shop.Ledger ledger, int topProducts) {
        List<Saga> sagas = ledger.sagas();
        long placed = sagas.size();
        List<Saga> confirmed = sagas.stream().filter(saga -> saga.outcome() == Saga.Outcome.CONFIRMED).toList();
        long declined = count(sagas, Saga.Outcome.PAYMENT_DECLINED);
        long outOfStock = count(sagas, Saga.Outcome.OUT_OF_STOCK);
        long timedOut = count(sagas, Saga.Outcome.TIMED_OUT);
        long pending = count(sagas, Saga.Outcome.PENDING);
        Map<String, Long> byReason = new LinkedHashMap<>();
        byReason.put(CancellationReason.OUT_OF_STOCK.name(), outOfStock);
        byReason.put(CancellationReason.PAYMENT_DECLINED.name(), declined);
        byReason.put(CancellationReason.TIMED_OUT.name(), timedOut);

        BigDecimal conversion = placed == 0 ? null
                : BigDecimal.valueOf(confirmed.size()).divide(BigDecimal.valueOf(placed), 4, RoundingMode.HALF_UP);

        Map<String, BigDecimal> revenue = new TreeMap<>();
        confirmed.forEach(saga -> revenue.merge(saga.total().currency(), saga.total().amount(), BigDecimal::add));

        Map<String, Long> units = new TreeMap<>();
        confirmed.forEach(saga -> saga.lines().forEach(line -> units.merge(line.sku().value(),
                (long) line.quantity(), Long::sum)));
        List<SummaryResponse.TopProduct> top = units.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(topProducts)
                .map(entry -> new SummaryResponse.TopProduct(entry.getKey(), nameOf(ledger, entry.getKey()),
                        entry.getValue()))
                .toList();

        List<Long> micros = confirmed.stream().map(saga -> saga.decidedAfter().toNanos() / 1_000).sorted().toList();
        SummaryResponse.TimeToConfirmMillis time = null;
        if (!micros.isEmpty()) {
            long n = micros.size();
            long sum = micros.stream().mapToLong(Long::longValue).sum();
            long average = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_UP)
                    .longValueExact();
            time = new SummaryResponse.TimeToConfirmMillis(n, average / 1000.0, nearestRank(micros, 50) / 1000.0,
                    nearestRank(micros, 90) / 1000.0, nearestRank(micros, 99) / 1000.0);
        }

        // A timed-out order had its stock reserved, and its payment completed, too late, before it was refunded.
        long reserved = confirmed.size() + declined + timedOut + pending;
        return new SummaryResponse(0,
                new SummaryResponse.Orders(placed, confirmed.size(), declined + outOfStock + timedOut, pending,
                        byReason),
                conversion,
                revenue.entrySet().stream()
                        .map(entry -> new SummaryResponse.Amount(entry.getValue().toPlainString(), entry.getKey()))
                        .toList(),
                top, time,
                new SummaryResponse.SagaSteps(reserved, confirmed.size() + timedOut, placed - pending));
    }

    /** The value at rank ⌈p·n/100⌉ of the sorted values. */
    private static long nearestRank(List<Long> sorted, int percent) {
        int rank = (sorted.size() * percent + 99) / 100;
        return sorted.get(rank - 1);
    }

    /** The name of the newest state of the product published, if any. */
    private static String nameOf(Shop.Ledger ledger, String sku) {
        return ledger.products().stream()
                .filter(product -> product.sku().equals(new Sku(sku)))
                .max(Comparator.comparing(ProductUpdated::updatedAt).thenComparing(ProductUpdated::name))
                .map(ProductUpdated::name)
                .orElse(null);
    }

    private static long count(List<Saga> sagas, Saga.Outcome outcome) {
        return sagas.stream().filter(saga -> saga.outcome() == outcome).count();
    }
}
