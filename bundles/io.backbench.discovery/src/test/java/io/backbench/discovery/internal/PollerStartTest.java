package io.backbench.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.backbench.device.api.DeviceListener;

/** The device poller runs in the workbench and the server, and in a CLI command only once someone listens. */
class PollerStartTest {
    private final LinuxDeviceProvider provider = new LinuxDeviceProvider(Path.of("/sys"), Path.of("/proc/self/mountinfo"),
            Path.of("/dev"), Duration.ofMillis(200));

    @AfterEach
    void stop() {
        provider.deactivate();
    }

    private static long pollers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("backbench-device-poller")).count();
    }

    @Test
    void aCliCommandStartsNoPollerUntilAListenerIsAdded() {
        provider.activate("cli");
        assertEquals(0, pollers(), "no poller thread for a command that only lists devices");
        DeviceListener listener = e -> { };
        provider.addListener(listener);
        assertEquals(1, pollers(), "the first listener starts it");
        provider.addListener(e -> { });
        assertEquals(1, pollers(), "one thread however many listen");
    }

    @Test
    void theWorkbenchAndTheServerStartThePollerAtOnce() {
        provider.activate("headless");
        assertEquals(1, pollers());
    }
}
