package io.backbench.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;

/**
 * Stops the framework (bounded wait) and deletes its temporary storage folder (see FrameworkStorage). Called from main, from a
 * signal handler and from the JVM's shutdown hook, whichever comes first; later calls do nothing.
 */
final class Shutdown {

    private final Framework framework;
    private final Path storage;
    private final Duration timeout;
    private boolean done;

    Shutdown(Framework framework, Path storage, Duration timeout) {
        this.framework = framework;
        this.storage = storage;
        this.timeout = timeout;
    }

    /** Asks the framework to stop and returns at once (for signal handlers). */
    void requestStop() {
        try {
            if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                framework.stop();
            }
        } catch (BundleException | RuntimeException e) {
            System.err.println("backbench: could not stop the framework: " + e);
        }
    }

    synchronized void stopAndClean() {
        if (done) {
            return;
        }
        done = true;
        requestStop();
        try {
            framework.waitForStop(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(storage);
    }

    /** Deletes {@code root} and everything in it (links are deleted, not followed); false if it could not. */
    static boolean deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return true;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("backbench: could not delete the framework storage " + root + ": " + e);
            return false;
        }
    }
}
