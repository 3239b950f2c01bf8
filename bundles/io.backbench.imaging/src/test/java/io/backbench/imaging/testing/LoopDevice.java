package io.backbench.imaging.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real loop device over a file (or a byte range of it) for one test; {@link #close()} detaches it.
 * Needs root and loop devices: if losetup fails the test fails saying so (CI runs as root).
 */
public final class LoopDevice implements AutoCloseable {
    private final String node;
    private boolean attached = true;

    private LoopDevice(String node) {
        this.node = node;
    }

    public static LoopDevice attach(Path file) throws IOException {
        return attach(file, -1, -1, false);
    }

    /** {@code losetup -f --show [-r] [-o OFFSET --sizelimit SIZE] FILE}, retried a few times against races for a free device. */
    public static LoopDevice attach(Path file, long offset, long size, boolean readOnly) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("losetup", "-f", "--show"));
        if (readOnly) {
            cmd.add("-r");
        }
        if (offset >= 0) {
            cmd.addAll(List.of("-o", Long.toString(offset), "--sizelimit", Long.toString(size)));
        }
        cmd.add(file.toString());
        Tools.Result last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            last = Tools.exec(cmd.toArray(String[]::new));
            if (last.exit() == 0) {
                return new LoopDevice(last.out().strip());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("cannot attach a loop device to " + file + " (losetup exited " + last.exit() + ": "
                + last.err().strip() + "). These tests need root and loop devices (modprobe loop; run as root)");
    }

    public String node() {
        return node;
    }

    public Path path() {
        return Path.of(node);
    }

    @Override
    public void close() throws IOException {
        if (attached) {
            Tools.run("losetup", "-d", node);
            attached = false;
        }
    }
}
