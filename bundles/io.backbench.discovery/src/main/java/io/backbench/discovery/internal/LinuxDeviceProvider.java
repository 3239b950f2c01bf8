package io.backbench.discovery.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.backbench.device.api.Device;
import io.backbench.device.api.DeviceEvent;
import io.backbench.device.api.DeviceListener;
import io.backbench.device.api.DeviceProvider;
import io.backbench.discovery.api.ImageSources;

/**
 * Linux devices from sysfs and procfs: block devices with their partition tables and filesystems
 * (read by us from the devices, opened read-only; no udev, no external tools), mount points, SCSI
 * tape drives, and image files added as sources. A daemon thread re-scans every second and sends
 * the differences to listeners, on that thread. In a CLI command ({@code backbench.mode=cli}) the
 * thread starts only with the first listener: a command that lists devices or none needs no poller
 * (it cost every command a scan of sysfs and a thread); elsewhere it starts at once.
 */
@Component(service = {DeviceProvider.class, ImageSources.class}, immediate = true)
public final class LinuxDeviceProvider implements DeviceProvider, ImageSources {
    private static final System.Logger LOG = System.getLogger(LinuxDeviceProvider.class.getName());

    private final Path mountinfo;
    private final BlockDevices blocks;
    private final TapeDrives tapes;
    private final ImageFiles images = new ImageFiles();
    private final Set<DeviceListener> listeners = new CopyOnWriteArraySet<>();
    private final Poller poller;

    public LinuxDeviceProvider() {
        this(Path.of("/sys"), Path.of("/proc/self/mountinfo"), Path.of("/dev"), Duration.ofSeconds(1));
    }

    /** For tests: a sysfs tree, a mountinfo file and a /dev folder of one's own choosing. */
    LinuxDeviceProvider(Path sysRoot, Path mountinfo, Path devRoot, Duration pollInterval) {
        this.mountinfo = mountinfo;
        this.blocks = new BlockDevices(sysRoot, devRoot);
        this.tapes = new TapeDrives(sysRoot, devRoot);
        this.poller = new Poller(this::devices, this::deliver, pollInterval);
    }

    @Activate
    void activate(BundleContext context) {
        activate(context.getProperty("backbench.mode"));
    }

    void activate(String mode) {
        if (!"cli".equals(mode)) {
            poller.start();
        }
    }

    @Deactivate
    void deactivate() {
        poller.stop();
    }

    @Override
    public String name() {
        return "Linux block devices, tape drives and image files";
    }

    @Override
    public List<Device> devices() throws IOException {
        List<Device> all = new ArrayList<>(blocks.scan(MountTable.read(mountinfo)));
        all.addAll(tapes.scan());
        all.addAll(images.scan());
        return List.copyOf(all);
    }

    @Override
    public void addListener(DeviceListener listener) {
        listeners.add(listener);
        poller.start(); // (does nothing when it runs already)
    }

    @Override
    public void removeListener(DeviceListener listener) {
        listeners.remove(listener);
    }

    @Override
    public boolean addImageFile(Path file) {
        boolean added = images.add(file);
        poller.wake();
        return added;
    }

    @Override
    public boolean removeImageFile(Path file) {
        boolean removed = images.remove(file);
        poller.wake();
        return removed;
    }

    @Override
    public List<Path> imageFiles() {
        return images.files();
    }

    // Called on the poller thread.
    private void deliver(List<DeviceEvent> events) {
        for (DeviceEvent e : events) {
            for (DeviceListener l : listeners) {
                try {
                    l.deviceChanged(e);
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.WARNING, "device listener " + l + " failed on " + e.type() + " "
                            + e.device().id() + "; it keeps receiving events", ex);
                }
            }
        }
    }
}
