package io.backbench.target.disk.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;

/**
 * A real, small file system mounted for one test: a tmpfs, so that "disk full" and "read-only" are
 * the kernel's own answers rather than a mock's, or an ext4 in an image file on a loop device, which
 * (unlike tmpfs) allows reads around the page cache. Needs root (as on the developers' machines and
 * in CI) and, for ext4, mkfs.ext4. When it cannot mount, the test FAILS with the reason: these tests
 * never skip.
 */
final class TestMount implements AutoCloseable {
    final Path dir;

    private TestMount(Path dir) {
        this.dir = dir;
    }

    /** A disk target on this file system, at {@code sub} ("" for its root). */
    StorageTarget target(String sub) throws TargetException {
        return new DiskTargetFactory().open(TargetSettings.of("path", dir.resolve(sub).toString()));
    }

    /** {@code length} random bytes from {@code seed}. */
    static byte[] bytes(long seed, int length) {
        byte[] b = new byte[length];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    static TestMount tmpfs(Path dir, String options) throws IOException {
        Files.createDirectories(dir);
        String out = run("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString());
        if (out != null) {
            fail("cannot mount a tmpfs (" + options + ") at " + dir + ": " + out.strip()
                    + ". The disk-full and read-only tests need a real small file system: run them as root"
                    + " (CI does). They fail rather than skip.");
        }
        return new TestMount(dir);
    }

    /** A new ext4 of {@code mib} MiB in {@code dir + ".img"}, mounted at {@code dir}. */
    static TestMount ext4(Path dir, int mib) throws IOException {
        Files.createDirectories(dir);
        Path image = dir.resolveSibling(dir.getFileName() + ".img");
        try (var f = java.nio.channels.FileChannel.open(image, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            f.truncate((long) mib << 20).write(java.nio.ByteBuffer.allocate(1), ((long) mib << 20) - 1);
        }
        String out = run("mkfs.ext4", "-q", "-F", image.toString());
        if (out == null) {
            out = run("mount", "-o", "loop", image.toString(), dir.toString());
        }
        if (out != null) {
            fail("cannot make and mount an ext4 image at " + dir + ": " + out.strip()
                    + ". These tests need a real ext4: run them as root with e2fsprogs installed (CI does). They fail rather than skip.");
        }
        return new TestMount(dir);
    }

    void remount(String options) {
        String out = run("mount", "-o", "remount," + options, dir.toString());
        if (out != null) {
            fail("cannot remount " + dir + " with " + options + ": " + out.strip());
        }
    }

    @Override
    public void close() {
        if (run("umount", dir.toString()) != null) {
            String out = run("umount", "-l", dir.toString());
            if (out != null) {
                fail("cannot unmount the test tmpfs at " + dir + ": " + out.strip());
            }
        }
    }

    /** Runs a command; null when it succeeded, else what it printed and its exit code. */
    static String run(String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", cmd) + " did not finish";
            }
            return p.exitValue() == 0 ? null : String.join(" ", cmd) + " exited " + p.exitValue() + ": " + output;
        } catch (IOException e) {
            return "cannot run " + String.join(" ", cmd) + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while running " + String.join(" ", cmd);
        }
    }
}
