package io.backbench.core.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Installs, updates and removes plugins: bundles kept in the watched plugins folder, so they
 * persist across restarts and a file dropped there by hand is treated the same way. Every change
 * is checked first (is it a bundle? do its requirements resolve against what is installed?) and
 * refused with a {@link PluginException} that leaves the system as it was. Thread-safe; the
 * operations block until the framework has applied the change (or a timeout passes).
 */
@ProviderType
public interface PluginManager {

    /** Every installed bundle, by id. */
    List<PluginInfo> plugins();

    /** The watched folder where plugins live. */
    Path pluginFolder();

    /** Checks {@code jar}, copies it into the plugins folder and waits until it is started. */
    PluginInfo install(Path jar) throws PluginException;

    /** Replaces the plugin with symbolic name {@code symbolicName} by {@code jar}, checked first. */
    PluginInfo update(String symbolicName, Path jar) throws PluginException;

    /** Removes the plugin with that symbolic name from the folder and the framework. */
    void uninstall(String symbolicName) throws PluginException;

    /**
     * Waits until every jar in the plugins folder has been installed (or has failed), so that a
     * short-lived CLI process sees the plugins' services. Returns false on timeout.
     */
    boolean awaitPluginFolder(Duration timeout) throws InterruptedException;
}
