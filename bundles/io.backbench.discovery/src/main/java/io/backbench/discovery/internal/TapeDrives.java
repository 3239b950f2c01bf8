package io.backbench.discovery.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.backbench.device.api.Device;

/**
 * SCSI tape drives from {@code /sys/class/scsi_tape} (kernel Documentation/scsi/st.rst). The
 * driver makes one directory per drive and mode ({@code st0 st0l st0m st0a nst0 ...}); the mode-0
 * auto-rewind entry {@code stN} stands for the drive. A backup writes through the non-rewinding
 * node {@code /dev/nstN}, so that is the device's path.
 */
final class TapeDrives {
    private static final Pattern DRIVE = Pattern.compile("st[0-9]+");

    private final Path classDir;
    private final Path devRoot;

    TapeDrives(Path sysRoot, Path devRoot) {
        this.classDir = sysRoot.resolve("class/scsi_tape");
        this.devRoot = devRoot;
    }

    List<Device> scan() throws IOException {
        List<Device> out = new ArrayList<>();
        if (!Files.isDirectory(classDir)) {
            return out;
        }
        List<String> names;
        try (Stream<Path> s = Files.list(classDir)) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> DRIVE.matcher(n).matches())
                    .sorted((a, b) -> Integer.compare(Integer.parseInt(a.substring(2)), Integer.parseInt(b.substring(2))))
                    .toList();
        }
        for (String name : names) {
            out.add(drive(name));
        }
        return out;
    }

    private Device drive(String name) {
        Path dir = classDir.resolve(name);
        Path scsi = dir.resolve("device");
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("tape.rewinding", devRoot.resolve(name).toString());
        put(attrs, "dev", Sysfs.text(dir, "dev"));
        put(attrs, "scsi.hctl", Sysfs.linkName(dir, "device"));
        put(attrs, "scsi.revision", Sysfs.text(scsi, "rev"));
        putDefault(attrs, "tape.default_blksize", Sysfs.text(dir, "default_blksize"));
        putDefault(attrs, "tape.default_density", Sysfs.text(dir, "default_density"));
        putDefault(attrs, "tape.default_compression", Sysfs.text(dir, "default_compression"));
        put(attrs, "tape.options", Sysfs.text(dir, "options"));
        String serial = Sysfs.vpdSerial(scsi);
        return Device.builder(name, Device.Kind.TAPE, devRoot.resolve("n" + name).toString())
                .vendor(Sysfs.text(scsi, "vendor")).model(Sysfs.text(scsi, "model"))
                .serial(serial.isEmpty() ? Sysfs.text(scsi, "serial") : serial)
                .rotational(true).removable(true).attributes(attrs).build();
    }

    private static void put(Map<String, String> attrs, String key, String value) {
        if (!value.isEmpty()) {
            attrs.put(key, value);
        }
    }

    /** The driver writes -1 for "no default set". */
    private static void putDefault(Map<String, String> attrs, String key, String value) {
        if (!value.isEmpty() && !value.equals("-1")) {
            attrs.put(key, value);
        }
    }
}
