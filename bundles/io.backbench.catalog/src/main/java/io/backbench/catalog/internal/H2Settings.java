package io.backbench.catalog.internal;

import java.nio.file.Path;

/** How the embedded catalog opens H2. */
final class H2Settings {
    /** The database file's base name in the catalog folder ({@code backbench.mv.db}). */
    static final String NAME = "backbench";

    private H2Settings() {
    }

    /**
     * AUTO_SERVER lets a second Backbench process (a CLI call beside the workbench) use the same file
     * through the first one's server; WRITE_DELAY=0 writes each commit at once, so a killed process
     * loses no finished run.
     */
    static String url(Path folder) {
        return url(folder, true);
    }

    /**
     * Without {@code serve} the file is opened for this process alone, with no TCP server (a short CLI
     * command: the server cost it a thread, a socket and its classes); another process then waits
     * for the file until the command ends (see JdbcCatalog#openH2). When the file is held by a process
     * that serves it, AUTO_SERVER=TRUE connects to that server either way.
     */
    static String url(Path folder, boolean serve) {
        return "jdbc:h2:file:" + folder.toAbsolutePath().resolve(NAME) + (serve ? ";AUTO_SERVER=TRUE" : "") + ";WRITE_DELAY=0";
    }

    /**
     * H2's AUTO_SERVER listens on every interface unless h2.bindAddress is set; Backbench talks only
     * on loopback. H2 reads the property once, when its classes first load, so this runs before
     * (the bundle embeds its own copy of H2 for that reason: see bnd.bnd).
     */
    static void loopbackOnly() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }
}
