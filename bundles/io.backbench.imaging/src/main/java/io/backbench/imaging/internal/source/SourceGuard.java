package io.backbench.imaging.internal.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.backbench.imaging.api.ImagingException;
import io.backbench.imaging.api.MountedPolicy;

/**
 * Applies the mounted-filesystem policy before imaging: refuses, warns, or freezes every writable
 * mount on the source ({@code fsfreeze -f}) until {@link #close()} thaws them. Read-only mounts are
 * fine as they are.
 */
public final class SourceGuard implements AutoCloseable {
    private final List<String> frozen = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private SourceGuard() {
    }

    public static SourceGuard apply(Path source, MountedPolicy policy) throws IOException {
        SourceGuard g = new SourceGuard();
        List<Mounts.Mount> writable = new ArrayList<>();
        for (Mounts.Mount m : Mounts.of(source)) {
            if (m.writable()) {
                writable.add(m);
            }
        }
        for (String swap : Mounts.swapsOn(source)) {
            g.warnings.add("swap is active on " + swap + "; its contents in the image are stale (swap is rewritten at every boot)");
        }
        if (writable.isEmpty()) {
            return g;
        }
        String where = describe(writable);
        switch (policy) {
            case REFUSE -> throw new ImagingException(source + " has filesystems mounted read-write (" + where + "). An image of a"
                    + " live filesystem may be inconsistent: unmount them or remount them read-only, or use --mounted freeze"
                    + " (fsfreeze while imaging) or --mounted warn (image anyway)");
            case WARN -> g.warnings.add(source + " has filesystems mounted read-write (" + where
                    + "); they may have changed while being imaged, so the image may be inconsistent");
            case FREEZE -> g.freezeAll(writable);
            default -> throw new IllegalStateException();
        }
        return g;
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void freezeAll(List<Mounts.Mount> mounts) throws IOException {
        for (Mounts.Mount m : mounts) {
            if (frozen.contains(m.mountPoint())) {
                continue;
            }
            String err = fsfreeze("-f", m.mountPoint());
            if (err != null) {
                close();
                throw new ImagingException("cannot freeze " + m.mountPoint() + " (" + m.fsType() + "): " + err
                        + ". Unmount it, remount it read-only, or use --mounted warn");
            }
            frozen.add(m.mountPoint());
        }
        warnings.add("froze " + String.join(", ", frozen) + " while imaging");
    }

    /** Thaws what was frozen; every mount is tried even if one fails. */
    @Override
    public void close() throws IOException {
        List<String> failed = new ArrayList<>();
        for (String mp : frozen) {
            if (fsfreeze("-u", mp) != null) {
                failed.add(mp);
            }
        }
        frozen.clear();
        if (!failed.isEmpty()) {
            throw new ImagingException("could not thaw " + String.join(", ", failed) + ": run 'fsfreeze -u' on them now");
        }
    }

    private static String describe(List<Mounts.Mount> mounts) {
        List<String> out = new ArrayList<>();
        for (Mounts.Mount m : mounts) {
            out.add(m.mountPoint() + " (" + m.fsType() + ")");
        }
        return String.join(", ", out);
    }

    /** Runs fsfreeze; null on success, else why not. */
    private static String fsfreeze(String op, String mountPoint) {
        try {
            Process p = new ProcessBuilder("fsfreeze", op, mountPoint).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "fsfreeze did not finish within 60 s";
            }
            return p.exitValue() == 0 ? null : "fsfreeze " + op + " exited " + p.exitValue() + ": " + out;
        } catch (IOException e) {
            return "cannot run fsfreeze (Debian package util-linux): " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
