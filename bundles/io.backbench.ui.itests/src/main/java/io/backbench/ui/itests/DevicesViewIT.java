package io.backbench.ui.itests;

import io.backbench.ui.testing.Ui;
import io.backbench.ui.testing.WorkbenchDriver;
import io.backbench.ui.testing.Osgi;

import static io.backbench.ui.testing.WorkbenchDriver.DEVICES;
import static io.backbench.ui.testing.WorkbenchDriver.DEVICES_VIEW;
import static io.backbench.ui.testing.WorkbenchDriver.DISCOVERY_BUNDLE;
import static io.backbench.ui.testing.WorkbenchDriver.MONITOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.backbench.device.api.Device;
import io.backbench.device.api.DeviceEvent;
import io.backbench.device.api.DeviceListener;
import io.backbench.device.api.DeviceProvider;
import io.backbench.device.api.FileSystemInfo;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;

/** The Devices view follows the device provider services, as a discovery plugin would register them. */
class DevicesViewIT {

    /** A provider as a plugin would register it, describing a machine with one data disk. */
    static final class OneDiskProvider implements DeviceProvider {
        final List<Device> devices = new CopyOnWriteArrayList<>(List.of(
                Device.builder("vdb", Device.Kind.DISK, "/dev/vdb").size(20L << 30).model("QEMU HARDDISK")
                        .partitionTableType("gpt").build(),
                Device.builder("vdb1", Device.Kind.PARTITION, "/dev/vdb1").parentId("vdb").size(20L << 30)
                        .partition(1, 1 << 20, "0fc63daf-8483-4772-8e79-3d69d8477de4", "data")
                        .filesystem(new FileSystemInfo("ext4", "data", "7d3c")).mountPoints(List.of("/srv"))
                        .build()));
        final List<DeviceListener> listeners = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "Test block devices";
        }

        @Override
        public List<Device> devices() {
            return List.copyOf(devices);
        }

        @Override
        public void addListener(DeviceListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(DeviceListener listener) {
            listeners.remove(listener);
        }

        void plugIn(Device d) {
            devices.add(d);
            listeners.forEach(l -> l.deviceChanged(new DeviceEvent(DeviceEvent.Type.ADDED, d)));
        }
    }

    @AfterEach
    void leaveNoDialogOpen() {
        WorkbenchDriver.closeDialogs();
    }

    @Test
    void devicesOfARegisteredProviderAreListedFollowItsEventsAndGoWithIt() {
        OneDiskProvider provider = new OneDiskProvider();
        withOnlyProvider(provider, shell -> {
            Ui.waitUntil("the disk and its partition", () -> WorkbenchDriver.column(shell, DEVICES_VIEW, 0)
                    .equals(List.of("/dev/vdb", "    /dev/vdb1")));
            Ui.waitUntil("the partition's file system and mount point", () -> WorkbenchDriver
                    .column(shell, DEVICES_VIEW, 3).contains("ext4") && WorkbenchDriver.column(shell, DEVICES_VIEW, 5)
                    .contains("/srv"));
            Ui.screenshot(shell, "workbench-devices-listed");

            provider.plugIn(Device.builder("sdc", Device.Kind.DISK, "/dev/sdc").size(64L << 30).removable(true).build());
            Ui.waitUntil("the plugged-in disk", () -> WorkbenchDriver.column(shell, DEVICES_VIEW, 0).contains("/dev/sdc"));
        });
    }

    /**
     * With the product's own discovery stopped, shows the Devices perspective, checks its empty state,
     * runs {@code body} while {@code provider} is the only registered one, and checks that the empty
     * state is back once it is gone.
     */
    private static void withOnlyProvider(DeviceProvider provider, Consumer<Shell> body) {
        Osgi.withBundleStopped(DISCOVERY_BUNDLE, () -> {
            Shell shell = WorkbenchDriver.shell();
            WorkbenchDriver.showPerspective(DEVICES);
            Ui.waitUntil("the empty-state message while no provider is registered", () -> emptyMessageShown(shell));
            ServiceRegistration<DeviceProvider> reg = Osgi.context().registerService(DeviceProvider.class, provider,
                    null);
            try {
                body.accept(shell);
            } finally {
                reg.unregister();
            }
            Ui.waitUntil("the empty-state message once the provider is gone", () -> emptyMessageShown(shell));
            WorkbenchDriver.showPerspective(MONITOR);
        });
    }

    /**
     * A provider whose first {@code devices()} call is slow: it answers with the disk that was there
     * when it was asked, after a newer answer has already been shown.
     */
    static final class SlowFirstAnswerProvider implements DeviceProvider {
        volatile List<Device> devices = List.of(Device.builder("sdold", Device.Kind.DISK, "/dev/sdold").build());
        final List<DeviceListener> listeners = new CopyOnWriteArrayList<>();
        final CountDownLatch firstCallStarted = new CountDownLatch(1);
        final CountDownLatch releaseFirstCall = new CountDownLatch(1);
        final CountDownLatch firstCallReturned = new CountDownLatch(1);

        @Override
        public String name() {
            return "Slow test devices";
        }

        @Override
        public List<Device> devices() {
            List<Device> now = devices;
            if (firstCallStarted.getCount() > 0) {
                firstCallStarted.countDown();
                try {
                    releaseFirstCall.await(Ui.WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                firstCallReturned.countDown();
            }
            return now;
        }

        @Override
        public void addListener(DeviceListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(DeviceListener listener) {
            listeners.remove(listener);
        }

        void replaceWith(Device d) {
            devices = List.of(d);
            listeners.forEach(l -> l.deviceChanged(new DeviceEvent(DeviceEvent.Type.ADDED, d)));
        }
    }

    @Test
    void aSlowAnswerOvertakenByANewerOneDoesNotReplaceIt() {
        SlowFirstAnswerProvider provider = new SlowFirstAnswerProvider();
        withOnlyProvider(provider, shell -> {
            try {
                await(provider.firstCallStarted, "the view to ask the provider");
                provider.replaceWith(Device.builder("sdnew", Device.Kind.DISK, "/dev/sdnew").build());
                Ui.waitUntil("the newer answer", () -> WorkbenchDriver.column(shell, DEVICES_VIEW, 0)
                        .equals(List.of("/dev/sdnew")));
                provider.releaseFirstCall.countDown();
                await(provider.firstCallReturned, "the slow answer");
                Ui.sleep(500); // the slow answer's hand-over to the UI thread, queued before the call below
                assertEquals(List.of("/dev/sdnew"), Ui.call(() -> WorkbenchDriver.column(shell, DEVICES_VIEW, 0)),
                        "the slow, older answer replaced the newer one");
            } finally {
                provider.releaseFirstCall.countDown();
            }
        });
    }

    private static void await(CountDownLatch latch, String what) {
        try {
            assertTrue(latch.await(Ui.WAIT.toSeconds(), TimeUnit.SECONDS), "waited " + Ui.WAIT.toSeconds()
                    + " s for " + what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }

    @Test
    void listsTheBlockDevicesThatTheProductsDiscoveryFinds() throws Exception {
        Shell shell = WorkbenchDriver.shell();
        WorkbenchDriver.showPerspective(DEVICES);
        DeviceProvider discovery = Osgi.service(DeviceProvider.class);
        List<String> expected = discovery.devices().stream().map(Device::path).sorted().toList();
        assertFalse(expected.isEmpty(), "discovery found no block device on this machine");
        Ui.waitUntil("every device discovery reports, in the view", () -> WorkbenchDriver.column(shell, DEVICES_VIEW, 0)
                .stream().map(String::trim).sorted().toList().containsAll(expected));
        WorkbenchDriver.showPerspective(MONITOR);
    }

    private static boolean emptyMessageShown(Shell shell) {
        return WorkbenchDriver.view(shell, DEVICES_VIEW).map(v -> Ui.find(v,
                w -> Boolean.TRUE.equals(w.getData("backbench.empty")) && ((Control) w).isVisible()).size() == 1)
                .orElse(false);
    }
}
