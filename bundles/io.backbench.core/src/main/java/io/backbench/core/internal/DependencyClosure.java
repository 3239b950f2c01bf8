package io.backbench.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

import io.backbench.core.api.PluginException;

/**
 * The bundles to install with a plugin: the plugin plus, transitively, for every mandatory
 * requirement that neither an installed bundle nor a bundle already chosen meets, the newest
 * repository bundle that does. Capabilities are matched with the requirement's filter
 * ({@link FrameworkUtil#createFilter}). Free of a running framework: unit-tested.
 */
final class DependencyClosure {

    private final List<RepoResource> repository;
    private final Predicate<RepoResource.Req> installedProvides;

    /**
     * @param repository        every bundle the repository offers
     * @param installedProvides whether a bundle installed (and resolved) now meets a requirement
     */
    DependencyClosure(List<RepoResource> repository, Predicate<RepoResource.Req> installedProvides) {
        this.repository = repository;
        this.installedProvides = installedProvides;
    }

    /** The bundles to install, dependencies first, {@code plugin} last; or a refusal naming what is missing. */
    List<RepoResource> resolve(RepoResource plugin) throws PluginException {
        Set<RepoResource> chosen = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        visit(plugin, chosen, new LinkedHashSet<>(), missing, plugin);
        if (!missing.isEmpty()) {
            throw new PluginException("cannot install " + plugin.describe() + ": missing " + String.join(", ", missing)
                    + " - no installed bundle provides " + (missing.size() == 1 ? "it" : "them")
                    + " and neither does the repository; install the plugin that provides "
                    + (missing.size() == 1 ? "it" : "them") + " first. Nothing was installed");
        }
        return new ArrayList<>(chosen);
    }

    /** Depth first; a resource goes into {@code chosen} after its dependencies (post-order). */
    private void visit(RepoResource r, Set<RepoResource> chosen, Set<RepoResource> visiting, List<String> missing,
                       RepoResource root) throws PluginException {
        if (chosen.contains(r) || !visiting.add(r)) {
            return; // done, or a cycle: its members are installed together anyway
        }
        for (RepoResource.Req req : r.requirements()) {
            if (!req.mandatory() || met(req, r, chosen, visiting)) {
                continue;
            }
            RepoResource provider = bestProvider(req);
            if (provider == null) {
                String what = req.describe();
                String line = r == root ? what : what + " (needed by " + r.describe() + ")";
                if (!missing.contains(line)) {
                    missing.add(line);
                }
                continue;
            }
            visit(provider, chosen, visiting, missing, root);
        }
        visiting.remove(r);
        chosen.add(r);
    }

    private boolean met(RepoResource.Req req, RepoResource self, Set<RepoResource> chosen, Set<RepoResource> visiting)
            throws PluginException {
        if (provides(self, req) || installedProvides.test(req)) {
            return true;
        }
        for (RepoResource c : chosen) {
            if (provides(c, req)) {
                return true;
            }
        }
        for (RepoResource c : visiting) {
            if (provides(c, req)) {
                return true;
            }
        }
        return false;
    }

    private RepoResource bestProvider(RepoResource.Req req) throws PluginException {
        List<RepoResource> candidates = new ArrayList<>();
        for (RepoResource r : repository) {
            if (provides(r, req)) {
                candidates.add(r);
            }
        }
        return candidates.stream().max(Comparator.comparing(RepoResource::version)).orElse(null);
    }

    static boolean provides(RepoResource r, RepoResource.Req req) throws PluginException {
        Filter filter = filter(req);
        for (RepoResource.Cap c : r.capabilities()) {
            if (c.namespace().equals(req.namespace()) && (filter == null || filter.matches(c.attributes()))) {
                return true;
            }
        }
        return false;
    }

    static Filter filter(RepoResource.Req req) throws PluginException {
        String f = req.filter();
        if (f == null || f.isBlank()) {
            return null;
        }
        try {
            return FrameworkUtil.createFilter(f);
        } catch (InvalidSyntaxException e) {
            throw new PluginException("a requirement in the repository index has an invalid filter " + f + ": "
                    + e.getMessage() + "; the repository is broken: tell its maintainer");
        }
    }
}
