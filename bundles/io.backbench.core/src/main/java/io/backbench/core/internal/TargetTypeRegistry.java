package io.backbench.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.backbench.target.api.TargetFactory;

/**
 * The registered factories by type. A duplicate type is kept aside (not shown) and reported; it
 * takes over if the factory that won goes away. Free of OSGi so it can be unit-tested.
 */
final class TargetTypeRegistry {

    /** One registered factory; {@code order} is the service id (lower = registered earlier). */
    record Entry(long order, String type, String provider, TargetFactory factory) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<String> warnings;

    TargetTypeRegistry(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    void add(Entry entry) {
        Entry winner;
        synchronized (this) {
            entries.add(entry);
            entries.sort(Comparator.comparingLong(Entry::order));
            winner = winnerFor(entry.type());
        }
        if (winner != entry) {
            warnings.accept("target type '" + entry.type() + "' from " + entry.provider()
                    + " is ignored: " + winner.provider() + " already provides it. Remove one of the two plugins.");
        }
        fire();
    }

    void remove(long order) {
        synchronized (this) {
            entries.removeIf(e -> e.order() == order);
        }
        fire();
    }

    synchronized List<TargetFactory> all() {
        return new ArrayList<>(winners().values());
    }

    synchronized Optional<TargetFactory> find(String type) {
        return Optional.ofNullable(winners().get(type));
    }

    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private Map<String, TargetFactory> winners() {
        Map<String, TargetFactory> byType = new TreeMap<>();
        for (Entry e : entries) {
            byType.putIfAbsent(e.type(), e.factory());
        }
        return byType;
    }

    private Entry winnerFor(String type) {
        return entries.stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow();
    }

    private void fire() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                warnings.accept("a target type listener failed: " + e);
            }
        }
    }
}
