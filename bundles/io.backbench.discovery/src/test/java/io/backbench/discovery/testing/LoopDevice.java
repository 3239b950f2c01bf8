package io.backbench.discovery.testing;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A real loop device attached to a file for one test; {@link #close()} detaches it. Needs root and
 * loop support: if losetup fails the test fails, saying so (CI runs as root with loop devices).
 */
public final class LoopDevice implements AutoCloseable {
    private final String node;
    private boolean attached = true;

    private LoopDevice(String node) {
        this.node = node;
    }

    /** {@code losetup -f --show [-P] FILE}; retried a few times since other processes may race for a free device. */
    public static LoopDevice attach(Path file, boolean partscan) throws IOException {
        Tools.Result last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            last = partscan ? Tools.exec(null, "losetup", "-f", "--show", "-P", file.toString())
                    : Tools.exec(null, "losetup", "-f", "--show", file.toString());
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
                + last.err().strip() + "). These tests need root and loop devices (modprobe loop; run as root).");
    }

    /** {@code /dev/loopN}. */
    public String node() {
        return node;
    }

    /** {@code loopN}. */
    public String name() {
        return node.substring(node.lastIndexOf('/') + 1);
    }

    public void detach() throws IOException {
        if (attached) {
            Tools.run("losetup", "-d", node);
            attached = false;
        }
    }

    @Override
    public void close() throws IOException {
        detach();
    }
}
