package io.backbench.backup.internal.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.backbench.backup.api.BackupListener;

/** Collects what could not be read, and tells the listener at once. Thread-safe. */
final class Warnings {
    private final List<String> all = new ArrayList<>();
    private final BackupListener listener;

    Warnings(BackupListener listener) {
        this.listener = listener;
    }

    void add(Path path, String message) {
        synchronized (all) {
            all.add(path + ": " + message);
        }
        listener.warning(path.toString(), message);
    }

    List<String> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }
}
