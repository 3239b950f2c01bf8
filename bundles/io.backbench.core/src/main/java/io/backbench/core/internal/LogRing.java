package io.backbench.core.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.backbench.core.api.LogEntry;

/** A bounded, thread-safe ring of log entries, newest last, with listeners. */
final class LogRing {
    static final int DEFAULT_CAPACITY = 2_000;

    private final int capacity;
    private final ArrayDeque<LogEntry> entries;
    private final List<Consumer<LogEntry>> listeners = new CopyOnWriteArrayList<>();

    LogRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(Math.min(capacity, 256));
    }

    /** Called on whatever thread logged; listeners run on that thread. */
    void add(LogEntry entry) {
        synchronized (entries) {
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
        for (Consumer<LogEntry> l : listeners) {
            try {
                l.accept(entry);
            } catch (RuntimeException e) {
                // a broken listener must not break logging, nor be logged again (that would loop)
                System.err.println("backbench: a log listener failed: " + e);
            }
        }
    }

    List<LogEntry> entries() {
        synchronized (entries) {
            return new ArrayList<>(entries);
        }
    }

    void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    void addListener(Consumer<LogEntry> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<LogEntry> listener) {
        listeners.remove(listener);
    }

    static String stackTrace(Throwable t) {
        if (t == null) {
            return "";
        }
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
