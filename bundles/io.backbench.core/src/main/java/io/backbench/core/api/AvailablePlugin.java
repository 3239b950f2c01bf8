package io.backbench.core.api;

import java.util.List;

/**
 * A plugin offered by a plugin repository (an OSGi repository index), as "Install Plugin..." and
 * {@code backbench plugins available} list it.
 *
 * @param symbolicName     Bundle-SymbolicName (osgi.identity)
 * @param name             Bundle-Name, or the symbolic name when the index does not carry it
 * @param version          the offered version
 * @param vendor           Bundle-Vendor, or ""
 * @param description      Bundle-Description, or ""
 * @param provides         what it adds, in words, from its capabilities: "target type", "view",
 *                         "command", "preference page", or a {@code backbench.contribution} label
 * @param state            {@link #AVAILABLE}, {@link #INSTALLED}, {@link #UPDATE_AVAILABLE} or
 *                         {@link #NEWER_INSTALLED}
 * @param installedVersion the installed version, or "" when not installed
 */
public record AvailablePlugin(String symbolicName, String name, String version, String vendor, String description,
                              List<String> provides, String state, String installedVersion) {
    public static final String AVAILABLE = "available";
    public static final String INSTALLED = "installed";
    public static final String UPDATE_AVAILABLE = "update available";
    public static final String NEWER_INSTALLED = "newer installed";

    public AvailablePlugin {
        provides = List.copyOf(provides);
    }
}
