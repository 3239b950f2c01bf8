package io.backbench.discovery.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

import io.backbench.device.api.Device;
import io.backbench.discovery.internal.source.FileBlockSource;
import io.backbench.discovery.internal.table.PartitionEntry;

/**
 * Raw disk image files the user added as sources. Each is an IMAGE_FILE device with its partitions
 * as read from the file. Thread-safe: the set may change while the poller scans.
 */
final class ImageFiles {
    static final String ID_PREFIX = "image:";

    private final Set<Path> files = new ConcurrentSkipListSet<>();

    /**
     * Adds {@code file}; returns false if it was there already.
     *
     * @throws IllegalArgumentException if it is not a readable regular file
     */
    boolean add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) {
            throw new IllegalArgumentException("cannot add " + abs + " as an image file: it "
                    + (Files.exists(abs) ? "is not a regular file (add block devices by attaching them instead)"
                    : "does not exist") + ".");
        }
        if (!Files.isReadable(abs)) {
            throw new IllegalArgumentException("cannot add " + abs + " as an image file: it is not readable by this"
                    + " user; change its permissions or run as a user who may read it.");
        }
        return files.add(abs);
    }

    boolean remove(Path file) {
        return files.remove(file.toAbsolutePath().normalize());
    }

    List<Path> files() {
        return List.copyOf(files);
    }

    /** The image files and their partitions; a file that vanished is reported with what is known. */
    List<Device> scan() {
        List<Device> out = new ArrayList<>();
        for (Path file : files) {
            image(file, out);
        }
        return out;
    }

    private static void image(Path file, List<Device> out) {
        String id = ID_PREFIX + file;
        Map<String, String> attrs = new LinkedHashMap<>();
        Device.Builder b = Device.builder(id, Device.Kind.IMAGE_FILE, file.toString())
                .readOnly(!Files.isWritable(file));
        Volume v = Volume.EMPTY;
        try (FileBlockSource source = FileBlockSource.openFile(file)) {
            b.size(source.size());
            v = Volume.read(source, 0);
        } catch (IOException | RuntimeException e) {
            attrs.put("probe.error", String.valueOf(e.getMessage()));
        }
        int sector = v.table() != null ? v.table().sectorSize() : 512;
        b.sectorSizes(sector, sector);
        Describe.whole(b, attrs, v);
        Device image = b.attributes(attrs).build();
        out.add(image);
        if (v.table() == null) {
            return;
        }
        for (PartitionEntry e : v.table().entries()) {
            Map<String, String> pa = new LinkedHashMap<>();
            // a partition of a file has no node of its own: it is the byte range partitionStart..+size of the file
            pa.put(Describe.PART_NODE, "absent");
            out.add(Describe.partition(id + "#" + e.number(), file + "#" + e.number(), image, v.table(), e,
                    v.partitionFs().get(e.number()), pa).attributes(pa).build());
        }
    }
}
