package io.backbench.core.internal;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

import io.backbench.core.api.PluginException;

/**
 * Keeps plugins the policy refuses from resolving, so that a jar dropped into the plugins folder by
 * hand (which FileInstall installs and starts on its own) stays INSTALLED and never runs. Records
 * why, for the Plugins view, and reports each refusal once (to the Error Log). Runs on whatever
 * thread resolves bundles.
 */
final class PluginResolverHook implements ResolverHookFactory {

    private final PluginFolder folder;
    private final PluginPolicy policy;
    private final Consumer<String> report;
    private final Map<Long, String> refusals = new ConcurrentHashMap<>();

    PluginResolverHook(PluginFolder folder, PluginPolicy policy, Consumer<String> report) {
        this.folder = folder;
        this.policy = policy;
        this.report = report;
    }

    /** Why the bundle is kept from resolving, or empty. */
    Optional<String> refusal(long bundleId) {
        return Optional.ofNullable(refusals.get(bundleId));
    }

    Map<Long, String> refusals() {
        return Map.copyOf(refusals);
    }

    void forget(long bundleId) {
        refusals.remove(bundleId);
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                for (Iterator<BundleRevision> it = candidates.iterator(); it.hasNext(); ) {
                    BundleRevision r = it.next();
                    String location = r.getBundle().getLocation();
                    if (!folder.contains(location)) {
                        continue;
                    }
                    long id = r.getBundle().getBundleId();
                    Optional<String> why = refusal(PluginFolder.fileOf(location).orElseThrow());
                    if (why.isEmpty()) {
                        refusals.remove(id);
                        continue;
                    }
                    it.remove();
                    String reason = "refused: " + why.get();
                    if (!reason.equals(refusals.put(id, reason))) {
                        report.accept("plugin " + r.getSymbolicName() + " " + r.getVersion() + " (" + location
                                + ") was not started: " + why.get());
                    }
                }
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton,
                                                    Collection<BundleCapability> collisionCandidates) {
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
            }

            @Override
            public void end() {
            }
        };
    }

    private Optional<String> refusal(Path file) {
        try {
            return policy.refusal(file);
        } catch (PluginException e) {
            return Optional.empty(); // the file went (uninstalled meanwhile): nothing to keep from running
        }
    }
}
