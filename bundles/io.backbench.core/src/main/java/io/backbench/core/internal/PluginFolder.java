package io.backbench.core.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The watched plugins folder and the mapping between its files and bundle locations. FileInstall
 * installs {@code <folder>/x.jar} with location {@code canonical(folder)/x.jar} as a
 * {@code java.io.File} URI ({@code file:/home/...}, not {@code file:///home/...}); we compare
 * paths, not strings, so either form matches. Free of a framework: unit-tested.
 */
final class PluginFolder {
    /** Felix's prefix of a bundle installed in place, not copied into the framework storage. */
    static final String REFERENCE = "reference:";

    private final Path folder;

    PluginFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    Path path() {
        return folder;
    }

    /** The folder with symbolic links resolved, as FileInstall sees it. */
    Path canonical() {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder;
        }
    }

    /** The location FileInstall gives the bundle of {@code file} (a file in this folder). */
    String locationOf(Path file) {
        return canonical().resolve(file.getFileName().toString()).toFile().toURI().normalize().toString();
    }

    /**
     * The file a bundle location refers to, if it is a file: URI or a plain path, either of them
     * possibly after Felix's {@code reference:} (the launcher installs the product's jars so).
     */
    static Optional<Path> fileOf(String location) {
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        if (location.regionMatches(true, 0, REFERENCE, 0, REFERENCE.length())) {
            location = location.substring(REFERENCE.length());
        }
        try {
            URI uri = new URI(location).normalize();
            if ("file".equalsIgnoreCase(uri.getScheme()) && !uri.isOpaque()) {
                return Optional.of(Path.of(uri.getPath()).normalize());
            }
            if (uri.getScheme() != null) {
                return Optional.empty();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a URI: maybe a plain path
        }
        try {
            Path p = Path.of(location);
            return p.isAbsolute() ? Optional.of(p.normalize()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code location} names a file directly in this folder. */
    boolean contains(String location) {
        Optional<Path> file = fileOf(location);
        if (file.isEmpty() || file.get().getParent() == null) {
            return false;
        }
        Path parent = file.get().getParent();
        return parent.equals(folder) || parent.equals(canonical());
    }

    /** The *.jar files now in the folder, sorted by name. */
    List<Path> jars() throws IOException {
        List<Path> jars = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return jars;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path p : dir) {
                if (Files.isRegularFile(p)) {
                    jars.add(p);
                }
            }
        }
        jars.sort(null);
        return jars;
    }

    /**
     * Puts a copy of {@code source} at {@code target} (in this folder) in one step: the copy is
     * written beside the folder (never inside it, where FileInstall could pick up a half-written
     * file), synced, then renamed over the target. The staging folder goes again when empty.
     */
    void placeAtomically(Path source, Path target) throws IOException {
        Path tmp = stagedFile("plugin-", ".tmp");
        try {
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // another file system: FileInstall waits for a stable checksum before installing
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
            removeStagingIfEmpty();
        }
    }

    /** A copy of {@code file} kept beside the folder (to put back if an update fails); see {@link #discard}. */
    Path keepCopy(Path file) throws IOException {
        Path copy = stagedFile("previous-", ".jar");
        try {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException | RuntimeException e) {
            discard(copy);
            throw e;
        }
    }

    /** Deletes a copy made by {@link #keepCopy} (and the staging folder when that leaves it empty). */
    void discard(Path copy) throws IOException {
        try {
            Files.deleteIfExists(copy);
        } finally {
            removeStagingIfEmpty();
        }
    }

    /** The folder beside this one where files are prepared: {@code <folder>.staging}. */
    Path staging() {
        return folder.resolveSibling(folder.getFileName() + ".staging");
    }

    /** A new empty file in the staging folder; another process may remove the folder meanwhile: try again. */
    private Path stagedFile(String prefix, String suffix) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Files.createDirectories(staging());
            try {
                return Files.createTempFile(staging(), prefix, suffix);
            } catch (NoSuchFileException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Several processes may stage at once: a folder that is not empty is someone else's work in progress. */
    private void removeStagingIfEmpty() {
        try {
            Files.deleteIfExists(staging());
        } catch (DirectoryNotEmptyException e) {
            // another change is under way; the last one out removes it
        } catch (IOException e) {
            // harmless: an empty folder beside the plugins folder
        }
    }

    /** A file name for a new plugin: {@code <symbolic-name>.jar}, made safe for any file system. */
    Path fileFor(String symbolicName) {
        String safe = symbolicName.replaceAll("[^A-Za-z0-9._-]", "_");
        return folder.resolve(safe + ".jar");
    }
}
