package io.backbench.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The framework storage of one process: {@code <tmp>/backbench-felix-<random>/} holding an
 * {@code owner} file ("pid start-millis") and the framework's {@code storage/}. Every process gets a
 * fresh one (several may run at once) and deletes it at exit; a process killed with SIGKILL cannot,
 * so each start sweeps the folders whose owner is dead. A folder whose owner is alive, or unknown
 * (no or unreadable owner file: a process that is just creating it), is never touched.
 */
final class FrameworkStorage {
    static final String PREFIX = "backbench-felix-";
    static final String OWNER = "owner";
    /** The start time the JDK reads from /proc is in clock ticks; this covers rounding, not reuse. */
    private static final long START_TOLERANCE_MILLIS = 1_000;

    /** Whether the process that wrote an owner file is still running. */
    @FunctionalInterface
    interface Liveness {
        boolean alive(long pid, long startMillis);
    }

    private FrameworkStorage() {
    }

    /** A new folder owned by this process; the framework storage is {@link #frameworkDir} of it. */
    static Path create(Path tmp) throws IOException {
        Path folder = Files.createTempDirectory(tmp, PREFIX);
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        // written whole then renamed, so a sweeping process never reads half an owner
        Path partial = folder.resolve(OWNER + ".partial");
        Files.writeString(partial, self.pid() + " " + start + "\n", StandardCharsets.UTF_8);
        Files.move(partial, folder.resolve(OWNER), StandardCopyOption.ATOMIC_MOVE);
        return folder;
    }

    static Path frameworkDir(Path folder) {
        return folder.resolve("storage");
    }

    /** Deletes the folders in {@code tmp} whose owner is dead; returns them. Problems go to {@code err}. */
    static List<Path> sweep(Path tmp, Liveness liveness, PrintStream err) {
        List<Path> removed = new ArrayList<>();
        String user = System.getProperty("user.name");
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path folder : folders) {
                if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) || !ownedBy(folder, user)) {
                    continue;
                }
                Optional<long[]> owner = owner(folder);
                if (owner.isPresent() && !liveness.alive(owner.get()[0], owner.get()[1])) {
                    if (Shutdown.deleteTree(folder)) {
                        removed.add(folder);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            err.println("backbench: could not look for stale framework storage in " + tmp + ": " + e);
        }
        return removed;
    }

    /** The pid and start time in a folder's owner file, if it has a readable one. */
    static Optional<long[]> owner(Path folder) {
        try {
            String[] words = Files.readString(folder.resolve(OWNER), StandardCharsets.UTF_8).trim().split("\\s+");
            long pid = Long.parseLong(words[0]);
            long start = words.length > 1 ? Long.parseLong(words[1]) : 0;
            return Optional.of(new long[] {pid, start});
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The live check for {@link #sweep}: a process with that pid exists (the JDK reads /proc/<pid>
     * on Linux) and, when the start time is known, it started then, so a reused pid counts as dead.
     */
    static boolean alive(long pid, long startMillis) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        if (startMillis <= 0) {
            return true;
        }
        return process.get().info().startInstant()
                .map(started -> Math.abs(started.toEpochMilli() - startMillis) <= START_TOLERANCE_MILLIS)
                .orElse(true);
    }

    private static boolean ownedBy(Path folder, String user) {
        try {
            return user == null || Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(user);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
