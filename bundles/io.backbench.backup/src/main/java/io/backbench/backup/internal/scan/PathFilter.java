package io.backbench.backup.internal.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.backbench.backup.api.BackupOptions;
import io.backbench.repository.api.NodeType;

/**
 * Decides which scanned entries a backup keeps: exclude patterns (given and from exclude files),
 * include patterns (files only), cache folders, other file systems, size limits. Immutable, so
 * the walker and the scanner share one.
 */
public final class PathFilter {
    /** The start of a valid CACHEDIR.TAG (https://bford.info/cachedir/). */
    static final byte[] CACHEDIR_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55".getBytes(StandardCharsets.US_ASCII);

    private final List<Glob> excludes;
    private final List<Glob> includes;
    private final boolean excludeCaches;
    private final boolean oneFileSystem;
    private final long minSize;
    private final long maxSize;

    private PathFilter(List<Glob> excludes, List<Glob> includes, BackupOptions o) {
        this.excludes = excludes;
        this.includes = includes;
        this.excludeCaches = o.excludeCaches();
        this.oneFileSystem = o.oneFileSystem();
        this.minSize = o.minFileSize();
        this.maxSize = o.maxFileSize();
    }

    /** @throws IOException naming an exclude file that cannot be read, or a bad pattern */
    public static PathFilter of(BackupOptions o) throws IOException {
        List<String> patterns = new ArrayList<>(o.excludes());
        for (Path f : o.excludeFiles()) {
            try {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String t = line.strip();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        patterns.add(t);
                    }
                }
            } catch (NoSuchFileException e) {
                throw new IOException("exclude file " + f + " does not exist");
            }
        }
        return new PathFilter(compile(patterns), compile(o.includes()), o);
    }

    /** Every exclude pattern, those from exclude files included (for the snapshot's record). */
    public List<String> excludePatterns() {
        return excludes.stream().map(Glob::text).toList();
    }

    private static List<Glob> compile(List<String> patterns) throws IOException {
        List<Glob> out = new ArrayList<>();
        for (String p : patterns) {
            try {
                out.add(Glob.compile(p));
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Whether to keep {@code e} found in a folder being walked; {@code rootDev} is the device of the
     * source it belongs to.
     */
    public boolean keep(FsEntry e, long rootDev) {
        // (the path's components only when a pattern needs them: the walk and the progress scan ask
        // for every entry of the tree)
        List<String> comps = excludes.isEmpty() && includes.isEmpty() ? List.of() : Glob.components(e.path().toString());
        for (Glob g : excludes) {
            if (g.matches(comps)) {
                return false;
            }
        }
        if (e.type() == NodeType.FILE) {
            if (maxSize > 0 && e.size() > maxSize || minSize > 0 && e.size() < minSize) {
                return false;
            }
        }
        if (!includes.isEmpty() && e.type() != NodeType.DIR) {
            return includes.stream().anyMatch(g -> g.matches(comps));
        }
        if (e.type() == NodeType.DIR && excludeCaches && isCacheDir(e.path())) {
            return false;
        }
        return true;
    }

    /** Whether to descend into folder {@code e} (false for a mount point of another file system with -x). */
    public boolean descend(FsEntry e, long rootDev) {
        return !oneFileSystem || e.dev() == rootDev;
    }

    static boolean isCacheDir(Path dir) {
        Path tag = dir.resolve("CACHEDIR.TAG");
        if (!Files.isRegularFile(tag, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(tag, LinkOption.NOFOLLOW_LINKS)) {
            byte[] head = in.readNBytes(CACHEDIR_SIGNATURE.length);
            return Arrays.equals(head, CACHEDIR_SIGNATURE);
        } catch (IOException e) {
            return false;
        }
    }
}
