package io.backbench.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

import io.backbench.core.api.AvailablePlugin;
import io.backbench.core.api.PluginException;

/**
 * Lists and installs plugins from a repository, all or nothing: the plugin and the bundles it needs
 * are downloaded to a private folder, checked (hash, signature, resolution together), and only
 * then placed in the plugins folder; if any does not start, every one placed is taken out again.
 * Runs on the caller's thread, under the plugin manager's change lock.
 */
final class RepositoryInstaller {

    private final BundleContext context;
    private final PluginFolder folder;
    private final FolderWatch watch;
    private final BundleProbe probe;
    private final PluginPolicy policy;

    RepositoryInstaller(BundleContext context, PluginFolder folder, FolderWatch watch, BundleProbe probe,
                        PluginPolicy policy) {
        this.context = context;
        this.folder = folder;
        this.watch = watch;
        this.probe = probe;
        this.policy = policy;
    }

    List<AvailablePlugin> available(String location) throws PluginException {
        PluginRepository repo = PluginRepository.open(location);
        List<AvailablePlugin> list = new ArrayList<>();
        for (RepoResource r : repo.bundles()) {
            Optional<Bundle> installed = watch.installed(r.symbolicName());
            String state = AvailablePlugin.AVAILABLE;
            String installedVersion = "";
            if (installed.isPresent()) {
                Version v = installed.get().getVersion();
                installedVersion = v.toString();
                int c = v.compareTo(r.version());
                state = c == 0 ? AvailablePlugin.INSTALLED : c < 0 ? AvailablePlugin.UPDATE_AVAILABLE
                        : AvailablePlugin.NEWER_INSTALLED;
            }
            list.add(new AvailablePlugin(r.symbolicName(), r.name(), r.version().toString(), r.vendor(),
                    r.description(), r.provides(), state, installedVersion));
        }
        return list;
    }

    /** Replaces an installed plugin by a checked jar (the plugin manager's update); returns the started bundle. */
    interface Update {
        Bundle apply(String symbolicName, Path jar) throws PluginException;
    }

    /**
     * Installs and returns the started plugin's bundle. An older version of the plugin that is
     * installed is updated (with {@code update}) after the bundles the new version needs are placed.
     */
    Bundle install(String location, String name, String version, Duration timeout, Update update) throws PluginException {
        PluginRepository repo = PluginRepository.open(location);
        RepoResource target = repo.find(name, version);
        Optional<Bundle> existing = watch.installed(target.symbolicName());
        if (existing.isPresent()) {
            Bundle b = existing.get();
            if (!folder.contains(b.getLocation())) {
                throw new PluginException("cannot install " + target.describe() + ": " + b.getSymbolicName() + " "
                        + b.getVersion() + " is already installed and is part of the product; a plugin cannot replace it");
            }
            if (b.getVersion().compareTo(target.version()) >= 0) {
                throw new PluginException("cannot install " + target.describe() + ": " + b.getSymbolicName() + " "
                        + b.getVersion() + " is already installed");
            }
        }
        Bundle old = existing.orElse(null);
        List<RepoResource> closure = new DependencyClosure(repo.bundles(), this::installedProvides).resolve(target);
        Path downloads = createDownloadFolder();
        try {
            List<PluginJar> jars = new ArrayList<>();
            for (RepoResource r : closure) {
                Path file = repo.fetch(r, downloads);
                PluginJar jar = PluginJar.read(file);
                if (!jar.symbolicName().equals(r.symbolicName()) || !jar.version().equals(r.version())) {
                    throw new PluginException("the repository " + location + " is inconsistent: its index says "
                            + r.describe() + " but the file is " + jar.describe() + "; nothing was installed");
                }
                String what = jar.describe() + (r == target ? "" : " (needed by " + target.describe() + ")");
                Optional<Bundle> same = watch.installed(jar.symbolicName());
                if (same.isPresent() && !(r == target && old != null)) {
                    throw new PluginException("cannot install " + target.describe() + ": it needs " + what
                            + " but " + same.get().getSymbolicName() + " " + same.get().getVersion()
                            + " is installed; update that first. Nothing was installed");
                }
                policy.check(file, what);
                jars.add(jar);
            }
            probe.checkAll(jars, (old == null ? "install " : "update to ") + target.describe());
            if (old == null) {
                return placeAll(jars, target, timeout);
            }
            PluginJar newVersion = jars.remove(jars.size() - 1); // the closure ends with the plugin itself
            List<Path> placed = placeDependencies(jars, timeout);
            try {
                return update.apply(target.symbolicName(), newVersion.file());
            } catch (PluginException | RuntimeException e) {
                rollback(placed, timeout);
                throw e;
            }
        } finally {
            deleteTree(downloads);
        }
    }

    private List<Path> placeDependencies(List<PluginJar> jars, Duration timeout) throws PluginException {
        List<Path> placed = new ArrayList<>();
        try {
            for (PluginJar jar : jars) {
                placed.add(place(jar));
            }
            for (Path file : placed) {
                watch.awaitStarted(file, x -> true, timeout, failed -> { },
                        "Every bundle of this update was taken out of the plugins folder again");
            }
            return placed;
        } catch (PluginException | RuntimeException e) {
            rollback(placed, timeout);
            throw e;
        }
    }

    private Path place(PluginJar jar) throws PluginException {
        Path file = folder.fileFor(jar.symbolicName());
        if (Files.exists(file)) {
            throw new PluginException("cannot install " + jar.describe() + ": " + file + " is already in the "
                    + "plugins folder but is not installed (it may be broken); remove that file first");
        }
        try {
            folder.placeAtomically(jar.file(), file);
        } catch (IOException e) {
            throw new PluginException("cannot copy " + jar.file().getFileName() + " into the plugins folder "
                    + folder.path() + ": " + e + "; check that the folder is writable", e);
        }
        return file;
    }

    private Bundle placeAll(List<PluginJar> jars, RepoResource target, Duration timeout) throws PluginException {
        List<Path> placed = new ArrayList<>();
        try {
            for (PluginJar jar : jars) {
                placed.add(place(jar));
            }
            Bundle main = null;
            for (int i = 0; i < placed.size(); i++) {
                Bundle b = watch.awaitStarted(placed.get(i), x -> true, timeout, failed -> { },
                        "Every bundle of this install was taken out of the plugins folder again");
                if (jars.get(i).symbolicName().equals(target.symbolicName())) {
                    main = b;
                }
            }
            return main;
        } catch (PluginException | RuntimeException e) {
            rollback(placed, timeout);
            throw e;
        }
    }

    /** Takes the placed files out again and waits until their bundles are gone. */
    private void rollback(List<Path> placed, Duration timeout) {
        List<Long> ids = new ArrayList<>();
        for (Path file : placed) {
            Bundle b = watch.bundleOf(file);
            if (b != null) {
                ids.add(b.getBundleId());
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.err.println("backbench: could not delete " + file + ": " + e);
            }
        }
        for (long id : ids) {
            try {
                watch.awaitGone(id, timeout);
            } catch (PluginException e) {
                return; // interrupted: the error being reported matters more
            }
        }
    }

    /** Whether a resolved bundle (or the framework itself) has a capability meeting {@code req}. */
    private boolean installedProvides(RepoResource.Req req) {
        Filter filter;
        try {
            filter = DependencyClosure.filter(req);
        } catch (PluginException e) {
            return false;
        }
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().startsWith(BundleProbe.LOCATION_PREFIX)
                    || (b.getBundleId() != 0 && (b.getState() & (Bundle.INSTALLED | Bundle.UNINSTALLED)) != 0)) {
                continue;
            }
            BundleRevision r = b.adapt(BundleRevision.class);
            if (r == null) {
                continue;
            }
            for (BundleCapability cap : r.getDeclaredCapabilities(req.namespace())) {
                if (filter == null || filter.matches(cap.getAttributes())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Path createDownloadFolder() throws PluginException {
        try {
            return Files.createTempDirectory("backbench-plugin-download-");
        } catch (IOException e) {
            throw new PluginException("cannot create a temporary folder for the download: " + e.getMessage()
                    + "; check the space and permissions of " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("backbench: could not delete the temporary folder " + dir + ": " + e);
        }
    }
}
