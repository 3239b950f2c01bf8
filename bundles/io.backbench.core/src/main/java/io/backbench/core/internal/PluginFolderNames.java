package io.backbench.core.internal;

/** File names made from symbolic names, safe on every file system. */
final class PluginFolderNames {
    private PluginFolderNames() {
    }

    static String safe(String symbolicName) {
        return symbolicName.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
