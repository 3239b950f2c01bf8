package io.backbench.discovery.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import io.backbench.device.api.Device;
import io.backbench.device.api.DeviceEvent;

/**
 * Re-scans every interval on its own daemon thread and hands the differences to a sink, on that
 * same thread. The baseline is scanned in {@link #start()}, on the caller's thread, so that every
 * change after start is reported. A failed scan is logged once and skipped; the baseline stays
 * until a scan succeeds again.
 */
final class Poller {
    private static final System.Logger LOG = System.getLogger(Poller.class.getName());

    private final Callable<List<Device>> scan;
    private final Consumer<List<DeviceEvent>> sink;
    private final long intervalMillis;
    private final Object wakeUp = new Object();
    private Thread thread; // guarded by this
    private boolean woken; // guarded by wakeUp

    Poller(Callable<List<Device>> scan, Consumer<List<DeviceEvent>> sink, Duration interval) {
        this.scan = scan;
        this.sink = sink;
        this.intervalMillis = interval.toMillis();
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        List<Device> baseline = null;
        try {
            baseline = scan.call();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "device scan failed; will keep trying: " + e.getMessage(), e);
        }
        List<Device> first = baseline;
        thread = new Thread(() -> loop(first), "backbench-device-poller");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread and waits (briefly) for it to end. */
    void stop() {
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Scans now instead of at the end of the interval (e.g. after an image file was added). */
    void wake() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    private void loop(List<Device> baseline) {
        List<Device> last = baseline;
        boolean failing = baseline == null;
        while (!Thread.currentThread().isInterrupted()) {
            if (!sleep()) {
                return;
            }
            try {
                List<Device> now = scan.call();
                if (last != null) {
                    List<DeviceEvent> events = SnapshotDiff.diff(last, now);
                    if (!events.isEmpty()) {
                        sink.accept(events);
                    }
                }
                last = now;
                failing = false;
            } catch (Exception e) {
                if (!failing) {
                    LOG.log(System.Logger.Level.WARNING, "device scan failed; will keep trying: " + e.getMessage(), e);
                }
                failing = true;
            }
        }
    }

    private boolean sleep() {
        synchronized (wakeUp) {
            long end = System.currentTimeMillis() + intervalMillis;
            try {
                while (!woken) {
                    long left = end - System.currentTimeMillis();
                    if (left <= 0) {
                        break;
                    }
                    wakeUp.wait(left);
                }
            } catch (InterruptedException e) {
                return false;
            }
            woken = false;
            return true;
        }
    }
}
