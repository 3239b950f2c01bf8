package io.backbench.core.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;

import io.backbench.core.api.PluginException;

/**
 * Waits for FileInstall to act on the plugins folder. Polls the framework's bundles (every
 * 100 ms) on the caller's thread: simple, and FileInstall itself only looks once a second.
 */
final class FolderWatch {
    private static final long POLL_MILLIS = 100;
    /** A bundle left installed-but-not-active this long (two FileInstall polls) will not start by itself. */
    private static final long SETTLE_NANOS = Duration.ofMillis(3_000).toNanos();

    private final BundleContext context;
    private final PluginFolder folder;

    FolderWatch(BundleContext context, PluginFolder folder) {
        this.context = context;
        this.folder = folder;
    }

    /** The installed (not probe) bundle with this symbolic name; a plugin one first. */
    Optional<Bundle> installed(String symbolicName) {
        Bundle found = null;
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName()) && !b.getLocation().startsWith(BundleProbe.LOCATION_PREFIX)) {
                if (folder.contains(b.getLocation())) {
                    return Optional.of(b);
                }
                found = found == null ? b : found;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Waits until the bundle of {@code file} matches {@code ready} and is started. If it does not
     * start, learns why (by starting it), runs {@code rollback} and throws, saying {@code undone}.
     */
    Bundle awaitStarted(Path file, Predicate<Bundle> ready, Duration timeout, Consumer<Bundle> rollback,
                        String undone) throws PluginException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long notStartedSince = 0;
        boolean seen = false;
        while (System.nanoTime() < deadline) {
            Bundle b = bundleOf(file);
            if (b != null && ready.test(b)) {
                seen = true;
                if (isStarted(b)) {
                    return b;
                }
                long now = System.nanoTime();
                if (notStartedSince == 0) {
                    notStartedSince = now;
                } else if (now - notStartedSince > SETTLE_NANOS) {
                    String failure = PluginManagerComponent.startFailure(b);
                    if (failure == null && isStarted(b)) {
                        return b;
                    }
                    String what = b.getSymbolicName() + " " + b.getVersion(); // before the rollback changes it
                    rollback.accept(b);
                    throw new PluginException(what + " was installed but did not start: "
                            + failure + ". " + undone + "; fix the plugin and try again.");
                }
            }
            pause();
        }
        rollback.accept(bundleOf(file));
        throw new PluginException(file.getFileName() + (seen ? " did not start" : " was not installed")
                + " within " + timeout.toSeconds() + " s after it was copied to " + folder.path()
                + ". " + undone + ". Is the plugins folder watched (FileInstall running, felix.fileinstall.dir)?");
    }

    /** Waits until the bundle of {@code file} is started again (after a failed update was undone). */
    boolean awaitStartedAgain(Path file, Duration timeout) throws PluginException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Bundle b = bundleOf(file);
            if (b != null && isStarted(b)) {
                return true;
            }
            pause();
        }
        return false;
    }

    boolean awaitGone(long bundleId, Duration timeout) throws PluginException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (context.getBundle(bundleId) == null) {
                return true;
            }
            pause();
        }
        return context.getBundle(bundleId) == null;
    }

    /**
     * True once every bundle jar in the folder has a bundle in a final state (started, a resolved
     * fragment, or left not started for a while because it fails), or the folder is empty.
     * Jars that are not bundles are skipped: FileInstall never installs them.
     */
    boolean awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Long, Long> notStartedSince = new HashMap<>();
        while (true) {
            if (settled(notStartedSince)) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private boolean settled(Map<Long, Long> notStartedSince) {
        List<Path> jars;
        try {
            jars = folder.jars();
        } catch (IOException e) {
            return true; // an unreadable folder will not get any better by waiting
        }
        long now = System.nanoTime();
        for (Path jar : jars) {
            Bundle b = bundleOf(jar);
            if (b == null) {
                if (!PluginJar.isBundle(jar) || sameIdentityInstalledElsewhere(jar)) {
                    continue;
                }
                return false;
            }
            if (isStarted(b)) {
                continue;
            }
            long since = notStartedSince.computeIfAbsent(b.getBundleId(), id -> now);
            if (now - since < SETTLE_NANOS) {
                return false;
            }
        }
        return true;
    }

    /** FileInstall updates an installed bundle of the same name and version instead of installing the jar. */
    private boolean sameIdentityInstalledElsewhere(Path jar) {
        try {
            PluginJar pj = PluginJar.read(jar);
            for (Bundle b : context.getBundles()) {
                if (pj.symbolicName().equals(b.getSymbolicName()) && pj.version().equals(b.getVersion())) {
                    return true;
                }
            }
        } catch (PluginException e) {
            return true;
        }
        return false;
    }

    Bundle bundleOf(Path file) {
        String name = file.getFileName().toString();
        for (Bundle b : context.getBundles()) {
            String location = b.getLocation();
            if (folder.contains(location)
                    && PluginFolder.fileOf(location).map(p -> p.getFileName().toString().equals(name)).orElse(false)) {
                return b;
            }
        }
        return null;
    }

    static boolean isStarted(Bundle b) {
        int state = b.getState();
        if (state == Bundle.ACTIVE) {
            return true;
        }
        BundleRevision r = b.adapt(BundleRevision.class);
        boolean fragment = r != null && (r.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
        if (fragment) {
            return state == Bundle.RESOLVED;
        }
        // a lazily activated bundle waits in STARTING until a class is loaded from it
        return state == Bundle.STARTING && b.getHeaders().get(Constants.BUNDLE_ACTIVATIONPOLICY) != null;
    }

    private static void pause() throws PluginException {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException("interrupted while waiting for the plugins folder");
        }
    }
}
