package dev.eventshop.analytics.sales.domain;

import dev.eventshop.events.Money;
import dev.eventshop.events.Sku;
import dev.eventshop.events.order.OrderLine;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An order was confirmed: what it brought in and how many of each product it sold. The units are one entry per
 * product, sorted by SKU, so that equal confirmations are equal records.
 */
public record Confirmation(Instant confirmedAt, Money total, List<ProductUnits> units) {

    public Confirmation {
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        Objects.requireNonNull(total, "total");
        confirmedAt = OrderFacts.micros(confirmedAt);
        units = normalized(Objects.requireNonNull(units, "units"));
    }

    public static Confirmation of(Instant confirmedAt, Money total, List<OrderLine> lines) {
        return new Confirmation(confirmedAt, total,
                lines.stream().map(line -> new ProductUnits(line.sku(), line.quantity())).toList());
    }

    private static List<ProductUnits> normalized(Collection<ProductUnits> units) {
        Map<String, Integer> bySku = new TreeMap<>();
        units.forEach(unit -> bySku.merge(unit.sku().value(), unit.units(), Integer::sum));
        return bySku.entrySet().stream()
                .map(entry -> new ProductUnits(new Sku(entry.getKey()), entry.getValue()))
                .sorted(Comparator.comparing(unit -> unit.sku().value()))
                .toList();
    }
}
