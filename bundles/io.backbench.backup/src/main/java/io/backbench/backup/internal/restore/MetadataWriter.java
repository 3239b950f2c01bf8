package io.backbench.backup.internal.restore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.backbench.backup.internal.scan.RawNames;
import io.backbench.repository.api.ExtendedAttribute;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;

/**
 * Creates special files and applies a node's metadata to a restored path, in the order that keeps
 * each step from undoing another: extended attributes, owner (chown clears set-id bits), mode,
 * times last. The JDK covers most of it; {@code mkfifo}, {@code mknod} and {@code touch -h} (for a
 * symlink's nanoseconds) run as processes where it cannot. Times the JDK cannot set exactly are
 * collected and set by {@link #flushTimes()} with one {@code touch} per distinct time (thousands of
 * symlinks share a few dozen times), because starting a process per link costs milliseconds each.
 * Thread-safe.
 */
final class MetadataWriter {
    /** Paths per time to set with {@code touch -h -m} (mtime) or {@code -a} (atime); guarded by itself. */
    private final Map<Instant, List<String>> mtimes = new HashMap<>();
    private final Map<Instant, List<String>> atimes = new HashMap<>();
    private final boolean owners;
    private final Path target;
    private Path staging; // guarded by this; made on first use
    private long staged; // guarded by this

    /** {@code target}: the restore's top folder (a plain name), where entries are staged for commands. */
    MetadataWriter(boolean owners, Path target) {
        this.owners = owners;
        this.target = target;
    }

    /**
     * A fresh plain name for an entry whose own name is not valid UTF-8: a command (mknod, touch) cannot
     * be given such a path as a string (see RawNames), so the entry is made or changed under this name
     * and renamed, which keeps its times, mode and owner. Any thread.
     */
    private synchronized Path stagedName() throws IOException {
        if (staging == null) {
            staging = Files.createDirectories(target.resolve(".backbench-restore-" + ProcessHandle.current().pid()));
        }
        return staging.resolve("entry-" + staged++);
    }

    private synchronized void removeStaging(List<String> problems) {
        if (staging != null) {
            try {
                Files.deleteIfExists(staging);
                staging = null;
            } catch (IOException e) {
                problems.add("cannot remove the staging folder " + staging + ": " + e);
            }
        }
    }

    /**
     * Sets the times collected by {@link #apply} for symlinks and special files; returns the problems.
     * Call once after every such entry is created and before anything else changes them.
     */
    List<String> flushTimes() {
        List<String> problems = new ArrayList<>();
        synchronized (mtimes) {
            touchAll("-m", mtimes, problems);
            touchAll("-a", atimes, problems);
            mtimes.clear();
            atimes.clear();
        }
        removeStaging(problems);
        return problems;
    }

    private static void touchAll(String which, Map<Instant, List<String>> byTime, List<String> problems) {
        for (Map.Entry<Instant, List<String>> e : byTime.entrySet()) {
            List<String> paths = e.getValue();
            // a few hundred paths per process keep the command line far below the system's limit
            for (int i = 0; i < paths.size(); i += 200) {
                List<String> cmd = new ArrayList<>(List.of("touch", "-h", which, "-d", stamp(e.getKey()), "--"));
                cmd.addAll(paths.subList(i, Math.min(paths.size(), i + 200)));
                try {
                    run(cmd);
                } catch (IOException ex) {
                    problems.add("cannot set times of " + paths.subList(i, Math.min(paths.size(), i + 200)) + ": " + ex.getMessage());
                }
            }
        }
    }

    /** Creates a FIFO or a device node at {@code p}. */
    void createSpecial(Path p, Node n) throws IOException {
        if (!RawNames.exactString(p)) {
            Path tmp = stagedName();
            createSpecial(tmp, n);
            Files.move(tmp, p);
            return;
        }
        List<String> cmd = new ArrayList<>();
        if (n.type() == NodeType.FIFO) {
            cmd.addAll(List.of("mkfifo", "--", p.toString()));
        } else {
            long dev = n.device();
            long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
            long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
            cmd.addAll(List.of("mknod", "--", p.toString(), n.type() == NodeType.DEV ? "b" : "c", Long.toString(major),
                    Long.toString(minor)));
        }
        run(cmd);
    }

    /** Applies what can be applied; returns the problems ("cannot ..."), empty when all went well. */
    List<String> apply(Path p, Node n) {
        List<String> problems = new ArrayList<>();
        boolean link = n.type() == NodeType.SYMLINK;
        // not following is only needed for a symlink; for a FIFO the JDK's no-follow path would open it and block
        LinkOption[] how = link ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
        if (!link) {
            xattrs(p, n, problems);
        }
        // one lstat instead of two chown and a chmod per entry: a restored file mostly has the right
        // owner (ours) and mode (the umask's) already, and each of those calls changes the inode
        Map<String, Object> now = current(p, how);
        boolean chowned = false;
        if (owners && (now == null || (int) now.get("uid") != (int) n.uid() || (int) now.get("gid") != (int) n.gid())) {
            chowned = true;
            try {
                Files.setAttribute(p, "unix:uid", (int) n.uid(), how);
                Files.setAttribute(p, "unix:gid", (int) n.gid(), how);
            } catch (IOException | RuntimeException e) {
                problems.add("cannot set owner " + n.uid() + ":" + n.gid() + ": " + e.getMessage());
            }
        }
        // chown clears the set-id bits: then the mode is set whatever it was before
        if (!link && (chowned || now == null || ((int) now.get("mode") & 07777) != n.permissions())) {
            try {
                Files.setAttribute(p, "unix:mode", n.permissions(), how);
            } catch (IOException | RuntimeException e) {
                problems.add("cannot set mode " + Integer.toOctalString(n.permissions()) + ": " + e.getMessage());
            }
        }
        times(p, n, how, problems);
        return problems;
    }

    /** Owner and mode of {@code p} as they are, or null if they cannot be read (then everything is set). */
    private static Map<String, Object> current(Path p, LinkOption[] how) {
        try {
            return Files.readAttributes(p, "unix:uid,gid,mode", how);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void xattrs(Path p, Node n, List<String> problems) {
        if (n.extendedAttributes().isEmpty()) {
            return;
        }
        UserDefinedFileAttributeView v = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class);
        for (ExtendedAttribute x : n.extendedAttributes()) {
            if (!x.name().startsWith("user.") || v == null) {
                problems.add("cannot restore extended attribute " + x.name() + ": only the user. namespace can be written");
                continue;
            }
            try {
                v.write(x.name().substring(5), ByteBuffer.wrap(x.value()));
            } catch (IOException | RuntimeException e) {
                problems.add("cannot restore extended attribute " + x.name() + ": " + e.getMessage());
            }
        }
    }

    private void times(Path p, Node n, LinkOption[] how, List<String> problems) {
        Instant m = n.mtime();
        Instant a = n.atime() != null ? n.atime() : m;
        if (m == null) {
            return;
        }
        try {
            boolean special = n.type() == NodeType.FIFO || n.type() == NodeType.DEV || n.type() == NodeType.CHARDEV;
            if (!special) {
                // the JDK opens the file to set its times: never done for a FIFO (it blocks) or a device
                Files.getFileAttributeView(p, BasicFileAttributeView.class, how).setTimes(FileTime.from(m), FileTime.from(a), null);
            }
            // the JDK sets a symlink's times with lutimes (microseconds): touch -h (utimensat, by name,
            // without opening, nanoseconds) corrects the mtime later; a special file gets both from touch
            if ((special || (how.length > 0 && m.getNano() % 1000 != 0)) && !RawNames.exactString(p)) {
                touchStaged(p, m, special ? a : null);
                return;
            }
            synchronized (mtimes) {
                if (special || (how.length > 0 && m.getNano() % 1000 != 0)) {
                    mtimes.computeIfAbsent(m, k -> new ArrayList<>()).add(p.toString());
                }
                if (special) {
                    atimes.computeIfAbsent(a, k -> new ArrayList<>()).add(p.toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add("cannot set times: " + e.getMessage());
        }
    }

    // touch -h by a plain name: the entry is renamed there and back (a rename keeps its times)
    private void touchStaged(Path p, Instant m, Instant a) throws IOException {
        Path tmp = stagedName();
        Files.move(p, tmp);
        try {
            run(List.of("touch", "-h", "-m", "-d", stamp(m), "--", tmp.toString()));
            if (a != null) {
                run(List.of("touch", "-h", "-a", "-d", stamp(a), "--", tmp.toString()));
            }
        } finally {
            Files.move(tmp, p);
        }
    }

    private static String stamp(Instant t) {
        return String.format("@%d.%09d", t.getEpochSecond(), t.getNano());
    }

    private static void run(List<String> cmd) throws IOException {
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null"))).start();
        try {
            byte[] out = proc.getInputStream().readAllBytes();
            if (!proc.waitFor(30, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                throw new IOException(cmd.get(0) + " did not finish");
            }
            if (proc.exitValue() != 0) {
                throw new IOException(cmd.get(0) + " failed: " + new String(out, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + cmd.get(0), e);
        }
    }
}
