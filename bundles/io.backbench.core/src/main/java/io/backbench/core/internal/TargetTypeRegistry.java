package io.backbench.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.backbench.target.api.TargetFactory;

/**
 * The registered factories by type. A duplicate type is kept aside (not shown) and reported; it
 * takes over if the factory that won goes away. Free of OSGi so it can be unit-tested.
 *
 * <p>A factory is only fetched when it is asked for ({@link #find} of its type, or {@link #all}):
 * its type comes from the service property, so a command that uses a folder repository does not
 * load the S3 plugin and its libraries. A factory that cannot be fetched (its component failed to
 * activate) is passed over for the next one of its type, if there is one, and {@code factory}
 * reports why.
 */
final class TargetTypeRegistry {

    /**
     * One registered factory; {@code order} is the service id (lower = registered earlier).
     * {@code factory} is called on first use and may give null (the factory could not be had).
     */
    record Entry(long order, String type, String provider, Supplier<TargetFactory> factory) {
        static Entry of(long order, String type, String provider, TargetFactory factory) {
            return new Entry(order, type, provider, () -> factory);
        }
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

    List<TargetFactory> all() {
        Map<String, List<Entry>> byType;
        synchronized (this) {
            byType = candidates();
        }
        // fetched outside the lock: activating a plugin's component may take a while
        List<TargetFactory> all = new ArrayList<>();
        for (List<Entry> candidates : byType.values()) {
            first(candidates).ifPresent(all::add);
        }
        return all;
    }

    Optional<TargetFactory> find(String type) {
        List<Entry> candidates;
        synchronized (this) {
            candidates = candidates().getOrDefault(type, List.of());
        }
        return first(candidates);
    }

    /** The earliest registered factory of a type that can be had: a broken one gives way to its duplicate. */
    private static Optional<TargetFactory> first(List<Entry> candidates) {
        for (Entry e : candidates) {
            TargetFactory f = e.factory().get();
            if (f != null) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** The entries of each type, by type, earliest registered first. */
    private Map<String, List<Entry>> candidates() {
        Map<String, List<Entry>> byType = new TreeMap<>();
        for (Entry e : entries) {
            byType.computeIfAbsent(e.type(), t -> new ArrayList<>()).add(e);
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
