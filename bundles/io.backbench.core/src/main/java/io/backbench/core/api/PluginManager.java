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

    /**
     * The configured plugin repositories (preference {@code repositories} of PID
     * {@link #PREFERENCES_PID}), else the product's own repository; folders or URLs as given.
     */
    List<String> repositories();

    /**
     * The plugins offered by the repository at {@code repository}: a folder holding
     * {@code index.xml} (or {@code repository.xml}, optionally {@code .gz}), an index file, or a
     * {@code file:}/{@code http:} URL of either. Each says whether it is installed already.
     */
    List<AvailablePlugin> available(String repository) throws PluginException;

    /**
     * Installs the plugin {@code symbolicNameOrName} (symbolic name, or Bundle-Name) from
     * {@code repository}, {@code version} or the newest when null, with every bundle of that
     * repository it needs that is not installed yet. All of them are downloaded, checked (content
     * hash, signature, resolution together) before any is placed in the plugins folder; any failure
     * refuses the whole install, naming the missing requirement, and leaves the system as it was.
     */
    PluginInfo installFromRepository(String repository, String symbolicNameOrName, String version)
            throws PluginException;

    /**
     * Whether the administrator allows unsigned or untrusted plugins (preference
     * {@code allowUntrusted} of {@link #PREFERENCES_PID}; false by default).
     */
    boolean allowsUntrusted();

    /** The certificates of the plugin trust store ({@code <home>/config/plugin-trust.p12}). */
    List<TrustedPublisher> trustedPublishers() throws PluginException;

    /** Adds the X.509 certificate(s) in the PEM (or DER) file {@code certificate} to the trust store. */
    List<TrustedPublisher> trust(Path certificate) throws PluginException;

    /** Removes the certificate stored as {@code alias} from the trust store. */
    void distrust(String alias) throws PluginException;

    /** The Configuration Admin PID of the plugin preferences (allowUntrusted, repositories). */
    String PREFERENCES_PID = "io.backbench.core.plugins";
}
