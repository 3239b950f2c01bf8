package io.backbench.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;

import io.backbench.core.api.PluginException;

/**
 * Brings the running plugins in line with the policy when it (or the resolver hook) starts to
 * apply: a refused plugin that resolved before the hook existed (FileInstall may start the plugins
 * folder before this component is activated) is stopped and unresolved; when the administrator
 * allows untrusted plugins, the ones kept from running are started. Runs on a daemon thread of its
 * own: stopping and refreshing bundles must not happen on SCR's activation thread.
 */
final class RefusedPlugins {
    private final BundleContext context;
    private final PluginFolder folder;
    private final PluginPolicy policy;
    private final Consumer<String> report;

    RefusedPlugins(BundleContext context, PluginFolder folder, PluginPolicy policy, Consumer<String> report) {
        this.context = context;
        this.folder = folder;
        this.policy = policy;
        this.report = report;
    }

    /** @param startAllowed also start the plugins in the folder that are allowed now but not running */
    void applyLater(boolean startAllowed) {
        Thread t = new Thread(() -> apply(startAllowed), "backbench-plugin-policy");
        t.setDaemon(true);
        t.start();
    }

    private void apply(boolean startAllowed) {
        List<Bundle> toUnresolve = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (!folder.contains(b.getLocation())) {
                continue;
            }
            Optional<String> refusal = refusal(b);
            boolean resolved = (b.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0;
            if (refusal.isPresent() && resolved) {
                try {
                    b.stop(Bundle.STOP_TRANSIENT);
                } catch (BundleException | IllegalStateException e) {
                    // it goes with the refresh anyway
                }
                toUnresolve.add(b);
            } else if (startAllowed && refusal.isEmpty() && b.getState() == Bundle.INSTALLED) {
                String failure = PluginManagerComponent.startFailure(b);
                if (failure != null) {
                    report.accept("plugin " + b.getSymbolicName() + " " + b.getVersion() + " is allowed now but did not start: "
                            + failure);
                }
            }
        }
        if (!toUnresolve.isEmpty()) {
            // the resolver hook keeps them from resolving again, and records why
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(toUnresolve);
        }
    }

    private Optional<String> refusal(Bundle b) {
        try {
            return PluginFolder.fileOf(b.getLocation()).isPresent()
                    ? policy.refusal(PluginFolder.fileOf(b.getLocation()).get()) : Optional.empty();
        } catch (PluginException e) {
            return Optional.empty();
        }
    }
}
