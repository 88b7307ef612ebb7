package dev.eventshop.analytics.sales.application;

import dev.eventshop.analytics.sales.domain.OrderCounts;
import dev.eventshop.analytics.sales.domain.OrderFacts;
import dev.eventshop.analytics.sales.domain.Outcome;
import dev.eventshop.analytics.sales.domain.ProductFacts;
import dev.eventshop.analytics.sales.domain.ProductSales;
import dev.eventshop.analytics.sales.domain.SagaSteps;
import dev.eventshop.analytics.sales.domain.TimeToConfirm;
import dev.eventshop.events.Money;
import dev.eventshop.events.OrderId;
import dev.eventshop.events.Sku;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Read models in maps, one per generation, that remember every write; enough figures for a rebuild's report. */
class InMemoryReadModels implements ReadModels, SalesFigures {

    final Map<Long, Map<OrderId, OrderFacts>> orders = new ConcurrentHashMap<>();
    final Map<Long, Map<Sku, ProductFacts>> products = new ConcurrentHashMap<>();
    final List<String> writes = new ArrayList<>();

    Map<OrderId, OrderFacts> orders(long generation) {
        return orders.computeIfAbsent(generation, g -> new HashMap<>());
    }

    Map<Sku, ProductFacts> products(long generation) {
        return products.computeIfAbsent(generation, g -> new HashMap<>());
    }

    @Override
    public synchronized boolean insertOrder(long generation, OrderFacts facts) {
        if (orders(generation).putIfAbsent(facts.orderId(), facts) != null) {
            return false;
        }
        writes.add("insert " + generation + " " + facts.orderId());
        return true;
    }

    @Override
    public synchronized OrderFacts lockOrder(long generation, OrderId orderId) {
        return orders(generation).get(orderId);
    }

    @Override
    public synchronized void updateOrder(long generation, OrderFacts facts) {
        orders(generation).put(facts.orderId(), facts);
        writes.add("update " + generation + " " + facts.orderId());
    }

    @Override
    public synchronized boolean insertProduct(long generation, ProductFacts facts) {
        return products(generation).putIfAbsent(facts.sku(), facts) == null;
    }

    @Override
    public synchronized ProductFacts lockProduct(long generation, Sku sku) {
        return products(generation).get(sku);
    }

    @Override
    public synchronized void updateProduct(long generation, ProductFacts facts) {
        products(generation).put(facts.sku(), facts);
    }

    @Override
    public OrderCounts orderCounts(long generation) {
        Map<OrderId, OrderFacts> known = orders(generation);
        return new OrderCounts(known.size(),
                known.values().stream().filter(facts -> facts.outcome() == Outcome.CONFIRMED).count(),
                known.values().stream().filter(facts -> facts.outcome() == Outcome.PENDING).count(), Map.of());
    }

    @Override
    public long productCount(long generation) {
        return products(generation).size();
    }

    @Override
    public SagaSteps sagaSteps(long generation) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Money> revenue(long generation) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ProductSales> topProducts(long generation, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<TimeToConfirm> timeToConfirm(long generation) {
        throw new UnsupportedOperationException();
    }
}
