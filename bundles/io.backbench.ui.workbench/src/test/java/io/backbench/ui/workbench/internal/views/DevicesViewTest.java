package io.backbench.ui.workbench.internal.views;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

import io.backbench.device.api.Device;
import io.backbench.device.api.DeviceListener;
import io.backbench.device.api.DeviceProvider;

import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where the Devices view reads its providers. Real SWT widgets under Xvfb. */
class DevicesViewTest {
    private final SwtFixture swt = new SwtFixture();
    private final List<Thread> readers = new CopyOnWriteArrayList<>();

    @AfterEach
    void dispose() {
        swt.close();
    }

    @Test
    void providersAreReadOnTheViewsOwnDaemonThreadWhichEndsWithTheView() throws Exception {
        DevicesView view = new DevicesView(new CopyOnWriteArrayList<>(List.of(provider())), new CopyOnWriteArrayList<>());
        view.createControl(swt.content, swt);
        swt.waitUntil("the provider's device in the table", () -> rows() == 1);

        Thread reader = readers.get(0);
        assertFalse(reader instanceof ForkJoinWorkerThread, "read on the common pool: " + reader);
        assertTrue(reader.isDaemon(), reader + " would keep the JVM alive");
        assertTrue(reader.getName().startsWith("backbench-devices-view"), reader.getName());

        view.dispose();
        assertTrue(view.reader().awaitTermination(10, TimeUnit.SECONDS), "the reader was not shut down");
        reader.join(10_000);
        assertFalse(reader.isAlive(), reader + " outlived the view");
    }

    private int rows() {
        Table[] found = new Table[1];
        find(swt.content, found);
        return found[0] == null ? -1 : found[0].getItemCount();
    }

    private static void find(org.eclipse.swt.widgets.Composite parent, Table[] found) {
        for (var c : parent.getChildren()) {
            if (c instanceof Table t) {
                found[0] = t;
            } else if (c instanceof org.eclipse.swt.widgets.Composite comp) {
                find(comp, found);
            }
        }
    }

    private DeviceProvider provider() {
        return new DeviceProvider() {
            @Override
            public String name() {
                return "test disks";
            }

            @Override
            public List<Device> devices() {
                readers.add(Thread.currentThread());
                return List.of(Device.builder("sda", Device.Kind.DISK, "/dev/sda").build());
            }

            @Override
            public void addListener(DeviceListener listener) {
            }

            @Override
            public void removeListener(DeviceListener listener) {
            }
        };
    }
}
