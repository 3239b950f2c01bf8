package io.backbench.core.api;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one per-user folder that holds everything Backbench keeps: {@code $BACKBENCH_HOME}, else
 * {@code $XDG_DATA_HOME/backbench}, else {@code ~/.local/share/backbench}. Created on first use.
 */
@ProviderType
public interface DataFolders {

    /** Framework property (set by the launcher) naming the home folder. */
    String HOME_PROPERTY = "backbench.home";

    Path home();

    /** Settings and the workbench's window state. */
    Path config();

    /** The catalog database. */
    Path catalog();

    /** Rebuildable caches (repository indexes, ...). */
    Path cache();

    /**
     * Where repositories keep what they cache on this machine (copies of their index files), under
     * {@link #cache()}: the folder every part that opens repositories gives them.
     */
    default Path repositoryCache() {
        return cache().resolve("repository");
    }

    /** The watched folder of installed plugins. */
    Path plugins();
}
