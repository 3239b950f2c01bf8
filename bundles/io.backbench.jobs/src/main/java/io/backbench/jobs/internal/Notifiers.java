package io.backbench.jobs.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.backbench.jobs.notify.api.Alert;
import io.backbench.jobs.notify.api.Notifier;

/** Hands alerts to every notifier, one at a time, on the "backbench-alerts" thread. */
final class Notifiers implements AutoCloseable {
    private final List<Notifier> notifiers = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backbench-alerts");
        t.setDaemon(true);
        return t;
    });

    void add(Notifier n) {
        notifiers.add(n);
    }

    void remove(Notifier n) {
        notifiers.remove(n);
    }

    void send(Alert alert) {
        if (thread.isShutdown()) {
            return;
        }
        thread.execute(() -> {
            for (Notifier n : notifiers) {
                try {
                    n.send(alert);
                } catch (RuntimeException e) {
                    System.err.println("backbench: notifier " + n.getClass().getName() + " failed: " + e);
                }
            }
        });
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
