package dev.eventshop.analytics.sales.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/** Generations as states in a map, with a log of what was asked of them and when. */
class InMemoryGenerations implements Generations {

    final Map<Long, String> states = new TreeMap<>(Map.of(1L, "CURRENT"));
    final List<String> calls;
    /** What a test does at the moment a rebuild switches, such as an event arriving live. */
    final List<LongConsumer> beforeSwitch = new ArrayList<>();
    private final InMemoryReadModels readModels;
    private boolean locked;

    InMemoryGenerations(InMemoryReadModels readModels, List<String> calls) {
        this.readModels = readModels;
        this.calls = calls;
    }

    @Override
    public synchronized long current() {
        return states.entrySet().stream().filter(entry -> entry.getValue().equals("CURRENT")).findFirst()
                .orElseThrow().getKey();
    }

    @Override
    public synchronized List<Long> lockWritable() {
        return states.entrySet().stream()
                .filter(entry -> entry.getValue().equals("CURRENT") || entry.getValue().equals("BUILDING"))
                .map(Map.Entry::getKey).toList();
    }

    @Override
    public synchronized long startNext() {
        long next = states.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        states.put(next, "BUILDING");
        calls.add("start " + next);
        return next;
    }

    @Override
    public synchronized void switchTo(long generation) {
        beforeSwitch.forEach(action -> action.accept(generation));
        states.replaceAll((g, state) -> state.equals("CURRENT") ? "RETIRED" : state);
        states.put(generation, "CURRENT");
        calls.add("switch " + generation);
    }

    @Override
    public synchronized void abandon(long generation) {
        states.put(generation, "ABANDONED");
        calls.add("abandon " + generation);
    }

    @Override
    public synchronized void abandonUnfinished() {
        states.replaceAll((g, state) -> state.equals("BUILDING") ? "ABANDONED" : state);
    }

    @Override
    public synchronized long purgeStale() {
        long rows = 0;
        for (Map.Entry<Long, String> entry : states.entrySet()) {
            if (entry.getValue().equals("RETIRED") || entry.getValue().equals("ABANDONED")) {
                rows += readModels.orders(entry.getKey()).size() + readModels.products(entry.getKey()).size();
                readModels.orders.remove(entry.getKey());
                readModels.products.remove(entry.getKey());
            }
        }
        calls.add("purge " + rows);
        return rows;
    }

    @Override
    public synchronized Optional<Lease> tryLockRebuild() {
        if (locked) {
            return Optional.empty();
        }
        locked = true;
        return Optional.of(() -> {
            synchronized (InMemoryGenerations.this) {
                locked = false;
            }
        });
    }

    List<String> statesInOrder() {
        return new ArrayList<>(states.values());
    }
}
