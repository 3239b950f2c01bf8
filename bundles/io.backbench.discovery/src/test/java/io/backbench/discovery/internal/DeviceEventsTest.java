package io.backbench.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.device.api.DeviceEvent;
import io.backbench.device.api.DeviceListener;
import io.backbench.discovery.testing.DiskImages;
import io.backbench.discovery.testing.LoopDevice;
import io.backbench.discovery.testing.Tools;

/** Devices that come and go are reported by the poller within a few seconds (waits are bounded at 10 s). */
class DeviceEventsTest {
    private static final long WAIT_SECONDS = 10;

    @TempDir
    Path dir;

    private final BlockingQueue<DeviceEvent> events = new LinkedBlockingQueue<>();
    private final DeviceListener listener = events::add;
    private LinuxDeviceProvider provider;

    @BeforeEach
    void start() {
        provider = new LinuxDeviceProvider(Path.of("/sys"), Path.of("/proc/self/mountinfo"), Path.of("/dev"),
                Duration.ofMillis(500));
        provider.addListener(listener);
        provider.activate("cli"); // the listener alone starts the poller
    }

    @AfterEach
    void stop() {
        provider.deactivate();
    }

    /** Waits for the first event that matches, skipping others (other processes may attach loop devices too). */
    private DeviceEvent await(Predicate<DeviceEvent> wanted, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < end) {
            DeviceEvent e = events.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e != null && wanted.test(e)) {
                return e;
            }
        }
        throw new AssertionError("no event within " + WAIT_SECONDS + " s: " + what);
    }

    @Test
    void attachingAndDetachingALoopDeviceGivesAddedAndRemoved() throws Exception {
        Path img = DiskImages.gpt(dir, "events.img", List.of(new DiskImages.Part("ext4", "ev", 8, "8300", "ev")));
        LoopDevice loop = LoopDevice.attach(img, false);
        try {
            DeviceEvent added = await(e -> e.type() == DeviceEvent.Type.ADDED && e.device().id().equals(loop.name()),
                    "ADDED " + loop.name());
            assertEquals(img.toRealPath().toString(), added.device().attributes().get("loop.backing_file"));
            DeviceEvent part = await(e -> e.type() == DeviceEvent.Type.ADDED && loop.name().equals(e.device().parentId()),
                    "ADDED partition of " + loop.name());
            assertEquals("ev", part.device().filesystem().label());
        } finally {
            loop.detach();
        }
        await(e -> e.type() == DeviceEvent.Type.REMOVED && e.device().id().equals(loop.name()), "REMOVED " + loop.name());
    }

    @Test
    void addingAndRemovingAnImageFileGivesEvents() throws Exception {
        Path img = Tools.sparseFile(dir, "usb.img", 8 << 20);
        Tools.run("mkfs.vfat", "-n", "USBSTICK", img.toString());
        assertTrue(provider.addImageFile(img));
        DeviceEvent added = await(e -> e.type() == DeviceEvent.Type.ADDED && e.device().path().equals(img.toString()),
                "ADDED image");
        assertEquals("USBSTICK", added.device().filesystem().label());

        Tools.run("mlabel", "-i", img.toString(), "::RELABELED");
        DeviceEvent changed = await(e -> e.type() == DeviceEvent.Type.CHANGED && e.device().path().equals(img.toString()),
                "CHANGED image after relabel");
        assertEquals("RELABELED", changed.device().filesystem().label());

        assertTrue(provider.removeImageFile(img));
        await(e -> e.type() == DeviceEvent.Type.REMOVED && e.device().path().equals(img.toString()), "REMOVED image");
    }

    @Test
    void aListenerThatThrowsKeepsGettingEvents() throws Exception {
        BlockingQueue<DeviceEvent> seen = new LinkedBlockingQueue<>();
        provider.addListener(e -> {
            seen.add(e);
            throw new IllegalStateException("listener bug, on purpose");
        });
        Path a = Tools.sparseFile(dir, "a.img", 1 << 20);
        Path b = Tools.sparseFile(dir, "b.img", 1 << 20);
        provider.addImageFile(a);
        assertNotNull(seen.poll(WAIT_SECONDS, TimeUnit.SECONDS), "first event");
        provider.addImageFile(b);
        DeviceEvent second = seen.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(second, "second event after the listener threw");
        assertEquals(b.toString(), second.device().path());
        await(e -> e.device().path().equals(b.toString()), "the well-behaved listener heard it too");
    }
}
