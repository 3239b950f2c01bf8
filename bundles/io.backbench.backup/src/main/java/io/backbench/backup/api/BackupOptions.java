package io.backbench.backup.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.backbench.repository.api.Id;

/**
 * What to back up and how.
 *
 * @param sources        files or folders; relative paths are taken from the working directory
 * @param excludes       glob patterns as restic takes them: {@code *}, {@code ?}, {@code [..]} within a
 *                       name, {@code **} across folders; a pattern without a leading {@code /} matches
 *                       at any depth; a matching folder is skipped with everything below it
 * @param excludeFiles   files of further exclude patterns, one a line ({@code #} starts a comment)
 * @param includes       if not empty, only files (not folders) matching one of these patterns are kept
 * @param excludeCaches  skip folders holding a {@code CACHEDIR.TAG} with the standard signature
 * @param oneFileSystem  do not descend into other file systems (a mount point is kept as an empty folder)
 * @param maxFileSize    skip files larger than this many bytes; 0 for no limit
 * @param minFileSize    skip files smaller than this many bytes; 0 for no limit
 * @param parent         the snapshot to compare with; null picks the latest of the same host and paths
 * @param force          read every file even if it looks unchanged
 * @param hostname       the host recorded in the snapshot; null for this machine's name
 * @param tags           tags recorded in the snapshot
 * @param threads        threads for reading and for hashing, compressing and encrypting; 0 for the
 *                       number of processors
 * @param memoryBudget   bytes of file data in flight between reading and packing (back-pressure)
 * @param indexInterval  how often open packs are finished and the packs uploaded so far indexed, so
 *                       that a killed run's packs are reused by the next run; the repository also
 *                       indexes finished packs every few packs by itself, so this only bounds the
 *                       loss on a slow source
 */
public record BackupOptions(List<Path> sources, List<String> excludes, List<Path> excludeFiles, List<String> includes,
        boolean excludeCaches, boolean oneFileSystem, long maxFileSize, long minFileSize, Id parent, boolean force,
        String hostname, List<String> tags, int threads, long memoryBudget, Duration indexInterval) {

    public BackupOptions {
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("nothing to back up: give at least one file or folder");
        }
        sources = List.copyOf(sources);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        excludeFiles = excludeFiles == null ? List.of() : List.copyOf(excludeFiles);
        includes = includes == null ? List.of() : List.copyOf(includes);
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (memoryBudget < 16 << 20) {
            throw new IllegalArgumentException("the memory budget must be at least 16 MiB, got " + memoryBudget);
        }
        if (indexInterval == null || indexInterval.isNegative() || indexInterval.isZero()) {
            throw new IllegalArgumentException("the index interval must be positive");
        }
    }

    /**
     * Defaults: no filters, automatic parent, all processors, {@link #defaultMemoryBudget()} in flight,
     * index every 5 minutes.
     */
    public static BackupOptions of(List<Path> sources) {
        return new BackupOptions(sources, List.of(), List.of(), List.of(), false, false, 0, 0, null, false, null,
                List.of(), 0, defaultMemoryBudget(), Duration.ofMinutes(5));
    }

    /**
     * 16 MiB per processor, at least 32 MiB: two maximal chunks waiting for each saving thread. A full
     * backup of the 2 GiB bench corpus on 2 processors took the same time with 32 MiB as with the
     * earlier 128 MiB, and peaked at 530-600 MiB of memory instead of 780-990 MiB (docs/benchmarks.md).
     */
    public static long defaultMemoryBudget() {
        return Math.max(32L << 20, (16L << 20) * Runtime.getRuntime().availableProcessors());
    }

    public static BackupOptions of(Path... sources) {
        return of(List.of(sources));
    }

    public BackupOptions withExcludes(List<String> v) {
        return new BackupOptions(sources, v, excludeFiles, includes, excludeCaches, oneFileSystem, maxFileSize, minFileSize,
                parent, force, hostname, tags, threads, memoryBudget, indexInterval);
    }

    public BackupOptions withExcludeFiles(List<Path> v) {
        return new BackupOptions(sources, excludes, v, includes, excludeCaches, oneFileSystem, maxFileSize, minFileSize,
                parent, force, hostname, tags, threads, memoryBudget, indexInterval);
    }

    public BackupOptions withIncludes(List<String> v) {
        return new BackupOptions(sources, excludes, excludeFiles, v, excludeCaches, oneFileSystem, maxFileSize, minFileSize,
                parent, force, hostname, tags, threads, memoryBudget, indexInterval);
    }

    public BackupOptions withExcludeCaches(boolean v) {
        return new BackupOptions(sources, excludes, excludeFiles, includes, v, oneFileSystem, maxFileSize, minFileSize,
                parent, force, hostname, tags, threads, memoryBudget, indexInterval);
    }

    public BackupOptions withOneFileSystem(boolean v) {
        return new BackupOptions(sources, excludes, excludeFiles, includes, excludeCaches, v, maxFileSize, minFileSize,
                parent, force, hostname, tags, threads, memoryBudget, indexInterval);
    }

    public BackupOptions withSizeLimits(long min, long max) {
        return new BackupOptions(sources, excludes, excludeFiles, includes, excludeCaches, oneFileSystem, max, min,
                parent, force, hostname, tags, threads, memoryBudget, indexInterval);
    }

    public BackupOptions withParent(Id v) {
        return new BackupOptions(sources, excludes, excludeFiles, includes, excludeCaches, oneFileSystem, maxFileSize,
                minFileSize, v, force, hostname, tags, threads, memoryBudget, indexInterval);
    }

    public BackupOptions withForce(boolean v) {
        return new BackupOptions(sources, excludes, excludeFiles, includes, excludeCaches, oneFileSystem, maxFileSize,
                minFileSize, parent, v, hostname, tags, threads, memoryBudget, indexInterval);
    }

    public BackupOptions withHostname(String v) {
        return new BackupOptions(sources, excludes, excludeFiles, includes, excludeCaches, oneFileSystem, maxFileSize,
                minFileSize, parent, force, v, tags, threads, memoryBudget, indexInterval);
    }

    public BackupOptions withTags(List<String> v) {
        return new BackupOptions(sources, excludes, excludeFiles, includes, excludeCaches, oneFileSystem, maxFileSize,
                minFileSize, parent, force, hostname, v, threads, memoryBudget, indexInterval);
    }

    public BackupOptions withThreads(int v) {
        return new BackupOptions(sources, excludes, excludeFiles, includes, excludeCaches, oneFileSystem, maxFileSize,
                minFileSize, parent, force, hostname, tags, v, memoryBudget, indexInterval);
    }

    public BackupOptions withMemoryBudget(long v) {
        return new BackupOptions(sources, excludes, excludeFiles, includes, excludeCaches, oneFileSystem, maxFileSize,
                minFileSize, parent, force, hostname, tags, threads, v, indexInterval);
    }

    public BackupOptions withIndexInterval(Duration v) {
        return new BackupOptions(sources, excludes, excludeFiles, includes, excludeCaches, oneFileSystem, maxFileSize,
                minFileSize, parent, force, hostname, tags, threads, memoryBudget, v);
    }
}
