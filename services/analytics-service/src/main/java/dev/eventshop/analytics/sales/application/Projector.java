package dev.eventshop.analytics.sales.application;

import dev.eventshop.analytics.sales.domain.Facts;
import dev.eventshop.analytics.sales.domain.OrderFacts;
import dev.eventshop.analytics.sales.domain.ProductFacts;
import dev.eventshop.events.IntegrationEvent;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects events into the read models: the same code for a live event and for a rebuild's replay. Each event's facts
 * merge into what a generation already knows, so an event applied twice, late or out of order changes nothing more.
 */
@Service
public class Projector {

    private final ReadModels readModels;
    private final Generations generations;

    Projector(ReadModels readModels, Generations generations) {
        this.readModels = readModels;
        this.generations = generations;
    }

    /**
     * Projects a live event into every generation that takes live events: the current one and, while a rebuild runs,
     * the one being built. Joins the caller's transaction (the idempotent consumer's).
     */
    @Transactional
    public void project(IntegrationEvent event) {
        if (Facts.of(event).isEmpty()) {
            return;
        }
        for (long generation : generations.lockWritable()) {
            projectInto(generation, List.of(event));
        }
    }

    /**
     * Projects a batch of events into one generation. The batch's facts are merged per order and per product first,
     * and stored in id order, so that a batch takes each row lock once and always in the same order.
     */
    @Transactional
    public void projectInto(long generation, Collection<IntegrationEvent> events) {
        Map<OrderId, OrderFacts> orders = new TreeMap<>(Comparator.comparing(OrderId::value));
        Map<Sku, ProductFacts> products = new TreeMap<>(Comparator.comparing(Sku::value));
        for (IntegrationEvent event : events) {
            Facts.of(event).ifPresent(facts -> {
                switch (facts) {
                    case OrderFacts order -> orders.merge(order.orderId(), order, OrderFacts::merge);
                    case ProductFacts product -> products.merge(product.sku(), product, ProductFacts::merge);
                }
            });
        }
        orders.values().forEach(facts -> store(generation, facts));
        products.values().forEach(facts -> store(generation, facts));
    }

    private void store(long generation, OrderFacts facts) {
        if (readModels.insertOrder(generation, facts)) {
            return;
        }
        OrderFacts stored = readModels.lockOrder(generation, facts.orderId());
        OrderFacts merged = stored.merge(facts);
        if (!merged.equals(stored)) {
            readModels.updateOrder(generation, merged);
        }
    }

    private void store(long generation, ProductFacts facts) {
        if (readModels.insertProduct(generation, facts)) {
            return;
        }
        ProductFacts stored = readModels.lockProduct(generation, facts.sku());
        ProductFacts merged = stored.merge(facts);
        if (!merged.equals(stored)) {
            readModels.updateProduct(generation, merged);
        }
    }
}
