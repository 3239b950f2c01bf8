package io.backbench.core.api;

import java.util.List;

/**
 * One installed bundle as the Plugins view and {@code backbench plugins list} show it.
 *
 * @param bundleId      the framework's id
 * @param symbolicName  Bundle-SymbolicName
 * @param name          Bundle-Name, or the symbolic name
 * @param version       Bundle-Version
 * @param vendor        Bundle-Vendor, or ""
 * @param description   Bundle-Description, or ""
 * @param state         INSTALLED, RESOLVED, STARTING, ACTIVE, STOPPING
 * @param feature       the product feature it belongs to ("core", "ui", ...) or "plugin" for one the
 *                      administrator added
 * @param removable     whether it can be uninstalled/updated (plugins only; features are the product)
 * @param contributions what it adds, in words: "target type: s3", "view: Job History", ...
 * @param problem       why a plugin is not running ("refused: it is not signed ...") or "" (since 1.2)
 */
public record PluginInfo(long bundleId, String symbolicName, String name, String version, String vendor,
                         String description, String state, String feature, boolean removable,
                         List<String> contributions, String problem) {
    public PluginInfo {
        contributions = List.copyOf(contributions);
        problem = problem == null ? "" : problem;
    }

    /** A bundle without a problem (the 1.1 constructor). */
    public PluginInfo(long bundleId, String symbolicName, String name, String version, String vendor,
                      String description, String state, String feature, boolean removable,
                      List<String> contributions) {
        this(bundleId, symbolicName, name, version, vendor, description, state, feature, removable, contributions, "");
    }
}
