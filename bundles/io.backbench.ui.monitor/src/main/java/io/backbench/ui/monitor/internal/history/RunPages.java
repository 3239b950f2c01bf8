package io.backbench.ui.monitor.internal.history;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.Page;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunQuery;

/**
 * The rows of a query, fetched from the catalog a block of {@value #BLOCK} at a time on a worker
 * thread and kept in a small LRU cache, so that the Job History only ever loads what is on screen.
 * Indexes are rows of the whole query (the view adds the start of its page).
 * {@link #get} and {@link #reset} are called on the UI thread; the loaded callback comes back on the
 * worker thread (the view hops to the UI thread).
 */
final class RunPages implements AutoCloseable {
    static final int BLOCK = 200;
    private static final int CACHED_PAGES = 32;

    private final Catalog catalog;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backbench-monitor-history");
        t.setDaemon(true);
        return t;
    });
    private final Map<Integer, List<Run>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<Run>> eldest) {
            return size() > CACHED_PAGES;
        }
    };
    private final Set<Integer> loading = new HashSet<>();
    private RunQuery query = RunQuery.newest();
    private int generation;

    RunPages(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Forgets every block and counts the rows of {@code q}, loading the block of row {@code near} on
     * the way; {@code counted} gets (generation, total) on the worker thread. UI thread.
     */
    synchronized void reset(RunQuery q, int near, BiConsumer<Integer, Long> counted, BiConsumer<Integer, RuntimeException> failed) {
        query = q;
        int gen = ++generation;
        pages.clear();
        loading.clear();
        worker.execute(() -> {
            try {
                int block = near / BLOCK;
                Page<Run> first = catalog.runs(q.page(block * BLOCK, BLOCK));
                synchronized (this) {
                    if (gen == generation) {
                        pages.put(block, first.items());
                    }
                }
                counted.accept(gen, first.total());
            } catch (RuntimeException e) {
                failed.accept(gen, e);
            }
        });
    }

    synchronized int generation() {
        return generation;
    }

    synchronized RunQuery query() {
        return query;
    }

    /**
     * The run at row {@code index} of the query, or null while its block loads; {@code loaded} then
     * gets (generation, block) on the worker thread. UI thread.
     */
    synchronized Run get(int index, BiConsumer<Integer, Integer> loaded) {
        int page = index / BLOCK;
        List<Run> rows = pages.get(page);
        if (rows != null) {
            int i = index % BLOCK;
            return i < rows.size() ? rows.get(i) : null;
        }
        if (loading.add(page)) {
            int gen = generation;
            RunQuery q = query;
            worker.execute(() -> {
                Page<Run> p;
                try {
                    p = catalog.runs(q.page(page * BLOCK, BLOCK));
                } catch (RuntimeException e) {
                    p = new Page<>(List.of(), page * BLOCK, 0);
                }
                synchronized (this) {
                    if (gen != generation) {
                        return;
                    }
                    loading.remove(page);
                    pages.put(page, p.items());
                }
                loaded.accept(gen, page);
            });
        }
        return null;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
