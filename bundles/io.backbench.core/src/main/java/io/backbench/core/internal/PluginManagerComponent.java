package io.backbench.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LoggerFactory;

import io.backbench.core.api.AvailablePlugin;

import io.backbench.core.api.DataFolders;
import io.backbench.core.api.PluginException;
import io.backbench.core.api.PluginInfo;
import io.backbench.core.api.PluginManager;
import io.backbench.core.api.TrustedPublisher;

/**
 * Installs, updates and removes plugins through the watched folder; FileInstall does the actual
 * (un)installing, we check first (signature, resolution) and wait for it. Changes are serialised;
 * they run on the caller's thread (never call them on the UI thread: they block for seconds).
 * Configured by the plugin preferences (PID {@value PluginManager#PREFERENCES_PID}); a resolver hook
 * keeps refused plugins that were dropped into the folder by hand from running. Immediate: the
 * hook must be in place as early as possible, whether or not anyone uses the service.
 */
@Component(service = PluginManager.class, configurationPid = PluginManager.PREFERENCES_PID, immediate = true)
public class PluginManagerComponent implements PluginManager {
    static final String ALLOW_UNTRUSTED = "allowUntrusted";
    static final String REPOSITORIES = "repositories";

    static final Duration CHANGE_TIMEOUT = Duration.ofSeconds(15);

    private final BundleContext context;
    private final PluginFolder folder;
    private final PluginInfos infos;
    private final BundleProbe probe;
    private final FolderWatch watch;
    private final ComponentWait components;
    private final PluginPolicy policy;
    private final PluginResolverHook hook;
    private final RepositoryInstaller repositories;
    private final ServiceRegistration<ResolverHookFactory> hookRegistration;
    private final RefusedPlugins refused;
    private final Object changeLock = new Object();
    private volatile List<String> configuredRepositories = List.of();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile LoggerFactory loggerFactory;

    @Activate
    public PluginManagerComponent(BundleContext context, @Reference DataFolders folders, Map<String, Object> config) {
        this.context = context;
        this.folder = new PluginFolder(folders.plugins());
        this.policy = new PluginPolicy(new TrustStore(folders.config()));
        this.hook = new PluginResolverHook(folder, policy, this::reportRefusal);
        this.infos = new PluginInfos(context, folder, hook);
        this.probe = new BundleProbe(context);
        this.watch = new FolderWatch(context, folder);
        this.components = new ComponentWait(context);
        this.repositories = new RepositoryInstaller(context, folder, watch, probe, policy);
        configure(config);
        this.refused = new RefusedPlugins(context, folder, policy, this::reportRefusal);
        this.hookRegistration = context.registerService(ResolverHookFactory.class, hook, null);
        refused.applyLater(false);
    }

    @Modified
    void modified(Map<String, Object> config) {
        boolean allowedBefore = policy.allowsUntrusted();
        configure(config);
        if (allowedBefore != policy.allowsUntrusted()) {
            refused.applyLater(policy.allowsUntrusted());
        }
    }

    @Deactivate
    void deactivate() {
        try {
            hookRegistration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping: the registration went with it
        }
    }

    private void configure(Map<String, Object> config) {
        Object allow = config.get(ALLOW_UNTRUSTED);
        policy.allowUntrusted(allow != null && Boolean.parseBoolean(allow.toString().trim()));
        Object repos = config.get(REPOSITORIES);
        List<String> list = new ArrayList<>();
        if (repos != null) {
            for (String r : (repos instanceof String[] a ? String.join(" ", a) : repos.toString()).split("[\\s,]+")) {
                if (!r.isBlank()) {
                    list.add(r.trim());
                }
            }
        }
        configuredRepositories = List.copyOf(list);
    }

    private void reportRefusal(String message) {
        LoggerFactory lf = loggerFactory;
        if (lf != null) {
            lf.getLogger(PluginManager.class).error(message);
        } else {
            System.err.println("backbench: " + message);
        }
    }

    @Override
    public List<PluginInfo> plugins() {
        return infos.all();
    }

    @Override
    public Path pluginFolder() {
        return folder.path();
    }

    @Override
    public PluginInfo install(Path jar) throws PluginException {
        synchronized (changeLock) {
            PluginJar candidate = PluginJar.read(jar);
            policy.check(jar, candidate.describe());
            Optional<Bundle> existing = watch.installed(candidate.symbolicName());
            if (existing.isPresent()) {
                Bundle b = existing.get();
                String feature = infos.feature(b);
                if (feature.equals("plugin")) {
                    throw new PluginException("cannot install " + candidate.describe() + ": plugin " + b.getSymbolicName()
                            + " " + b.getVersion() + " is already installed; to replace it, update it: "
                            + "backbench plugins update " + b.getSymbolicName() + " " + jar);
                }
                throw new PluginException("cannot install " + candidate.describe() + ": " + b.getSymbolicName() + " "
                        + b.getVersion() + " is already installed and " + notAPlugin(b, feature)
                        + "; a plugin cannot replace it");
            }
            probe.check(candidate, BundleProbe.installing(candidate));
            Path target = folder.fileFor(candidate.symbolicName());
            if (Files.exists(target)) {
                throw new PluginException("cannot install " + candidate.describe() + ": " + target
                        + " is already in the plugins folder but is not installed (it may be broken); remove that file first");
            }
            place(jar, target);
            Bundle installed = watch.awaitStarted(target, b -> true, CHANGE_TIMEOUT, failed -> {
                removeQuietly(target);
                if (failed != null) {
                    awaitQuietly(() -> watch.awaitGone(failed.getBundleId(), CHANGE_TIMEOUT));
                }
            }, "It was taken out of the plugins folder again");
            return describeOnceSetUp(installed);
        }
    }

    @Override
    public PluginInfo update(String symbolicName, Path jar) throws PluginException {
        synchronized (changeLock) {
            return describeOnceSetUp(updateBundle(symbolicName, jar));
        }
    }

    /** The update, returning the started bundle; the caller holds the change lock. */
    private Bundle updateBundle(String symbolicName, Path jar) throws PluginException {
        {
            Bundle old = removablePlugin(symbolicName, "update");
            PluginJar candidate = PluginJar.read(jar);
            if (!candidate.symbolicName().equals(symbolicName)) {
                throw new PluginException("cannot update " + symbolicName + " with " + jar + ": that jar is "
                        + candidate.symbolicName() + ", not " + symbolicName + "; check the file");
            }
            policy.check(jar, candidate.describe());
            probe.check(candidate, BundleProbe.updating(candidate));
            Path file = PluginFolder.fileOf(old.getLocation()).orElseThrow();
            Path backup = backup(file);
            long lastModified = old.getLastModified();
            String oldVersion = old.getVersion().toString();
            place(jar, file);
            try {
                Bundle updated = watch.awaitStarted(file,
                        b -> b.getLastModified() != lastModified || !b.getVersion().toString().equals(oldVersion),
                        CHANGE_TIMEOUT, failed -> {
                            restore(backup, file);
                            awaitQuietly(() -> watch.awaitStartedAgain(file, CHANGE_TIMEOUT));
                        }, "The previous version was put back");
                return updated;
            } finally {
                discardQuietly(backup);
            }
        }
    }

    @Override
    public void uninstall(String symbolicName) throws PluginException {
        synchronized (changeLock) {
            Bundle b = removablePlugin(symbolicName, "uninstall");
            Path file = PluginFolder.fileOf(b.getLocation()).orElseThrow();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new PluginException("cannot uninstall " + symbolicName + ": cannot delete " + file + ": " + e, e);
            }
            if (!watch.awaitGone(b.getBundleId(), CHANGE_TIMEOUT)) {
                throw new PluginException("removed " + file + " but " + symbolicName + " is still installed after "
                        + CHANGE_TIMEOUT.toSeconds() + " s; is the plugins folder watched (FileInstall running)?");
            }
        }
    }

    @Override
    public boolean awaitPluginFolder(Duration timeout) throws InterruptedException {
        return watch.awaitSettled(timeout);
    }

    @Override
    public List<String> repositories() {
        List<String> configured = configuredRepositories;
        if (!configured.isEmpty()) {
            return configured;
        }
        String product = context.getProperty(PluginInfos.PRODUCT_DIR_PROPERTY);
        if (product != null && !product.isBlank()) {
            Path repo = Path.of(product.trim()).toAbsolutePath().normalize().resolve("repository");
            if (Files.isDirectory(repo)) {
                return List.of(repo.toString());
            }
        }
        return List.of();
    }

    @Override
    public List<AvailablePlugin> available(String repository) throws PluginException {
        return repositories.available(repository);
    }

    @Override
    public PluginInfo installFromRepository(String repository, String symbolicNameOrName, String version)
            throws PluginException {
        synchronized (changeLock) {
            return describeOnceSetUp(repositories.install(repository, symbolicNameOrName, version, CHANGE_TIMEOUT,
                    this::updateBundle));
        }
    }

    @Override
    public boolean allowsUntrusted() {
        return policy.allowsUntrusted();
    }

    @Override
    public List<TrustedPublisher> trustedPublishers() throws PluginException {
        return policy.trustStore().list();
    }

    @Override
    public List<TrustedPublisher> trust(Path certificate) throws PluginException {
        return policy.trustStore().add(certificate);
    }

    @Override
    public void distrust(String alias) throws PluginException {
        policy.trustStore().remove(alias);
    }

    /** The bundle with what it contributes: its services come a moment after it started. */
    private PluginInfo describeOnceSetUp(Bundle started) {
        components.await(started, ComponentWait.LIMIT);
        return infos.describe(started);
    }

    private Bundle removablePlugin(String symbolicName, String verb) throws PluginException {
        Optional<Bundle> found = watch.installed(symbolicName);
        if (found.isEmpty()) {
            throw new PluginException("cannot " + verb + " " + symbolicName + ": no plugin with that symbolic name is "
                    + "installed; 'backbench plugins list' shows the installed ones"
                    + (verb.equals("update") ? ", and 'plugins install' adds a new one" : ""));
        }
        Bundle b = found.get();
        String feature = infos.feature(b);
        if (!feature.equals("plugin")) {
            throw new PluginException("cannot " + verb + " " + symbolicName + ": " + notAPlugin(b, feature)
                    + "; only plugins (bundles in " + folder.path() + ") can be updated or uninstalled");
        }
        return b;
    }

    private static String notAPlugin(Bundle b, String feature) {
        return feature.equals("other") ? "it is not a plugin (installed from " + b.getLocation() + ")"
                : "it is part of the product (feature '" + feature + "')";
    }

    private void place(Path jar, Path target) throws PluginException {
        try {
            folder.placeAtomically(jar, target);
        } catch (IOException e) {
            throw new PluginException("cannot copy " + jar + " into the plugins folder " + folder.path() + ": " + e
                    + "; check that the folder is writable", e);
        }
    }

    private Path backup(Path file) throws PluginException {
        try {
            return folder.keepCopy(file);
        } catch (IOException e) {
            throw new PluginException("cannot keep a copy of " + file + " before updating it: " + e, e);
        }
    }

    /** Puts the previous jar back after a failed update; FileInstall then re-installs it. */
    private void restore(Path backup, Path file) {
        try {
            folder.placeAtomically(backup, file);
        } catch (IOException e) {
            System.err.println("backbench: could not restore " + file + " from " + backup + ": " + e);
        }
    }

    private interface Wait {
        boolean await() throws PluginException;
    }

    /** Undoing a failed change is best effort: the error being reported matters more. */
    private static void awaitQuietly(Wait wait) {
        try {
            if (!wait.await()) {
                System.err.println("backbench: the plugins folder did not settle after undoing a failed change");
            }
        } catch (PluginException e) {
            System.err.println("backbench: " + e.getMessage());
        }
    }

    private void discardQuietly(Path backup) {
        try {
            folder.discard(backup);
        } catch (IOException e) {
            System.err.println("backbench: could not delete " + backup + ": " + e);
        }
    }

    private static void removeQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("backbench: could not delete " + file + ": " + e);
        }
    }

    /** For FolderWatch: starts a bundle FileInstall could not start, to learn why. */
    static String startFailure(Bundle b) {
        try {
            b.start();
            return null;
        } catch (BundleException | IllegalStateException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return e.getMessage() + (cause != e ? ": " + cause : "");
        }
    }
}
