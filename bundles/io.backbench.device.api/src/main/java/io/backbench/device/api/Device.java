package io.backbench.device.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One device as a {@link DeviceProvider} sees it: a whole disk, a partition, a loop device, a tape
 * drive, an image file. Immutable; a change is a new {@code Device} in a {@link DeviceEvent}.
 * Build one with {@link #builder(String, Kind, String)}.
 *
 * <p>Text fields that are unknown are {@code ""}, never {@code null}; numbers that are unknown or do
 * not apply are {@code 0}. Only {@code parentId} and {@code filesystem} may be {@code null}.
 *
 * @param id                 stable within its provider while the device is present, e.g. {@code sda1}
 *                           or a serial-based id; never blank
 * @param kind               what sort of device this is
 * @param path               where to open it: {@code /dev/sda1}, {@code /dev/nst0}, an image file
 * @param parentId           the id of the device this one is part of (the disk of a partition, the
 *                           backing device of a loop device), or {@code null}
 * @param size               size in bytes; 0 if unknown or not applicable (a tape drive)
 * @param logicalSectorSize  the smallest addressable unit in bytes (512, 4096); 0 if unknown
 * @param physicalSectorSize the device's internal sector size in bytes, at least the logical
 *                           size; 0 if unknown
 * @param vendor             manufacturer as the device reports it
 * @param model              model as the device reports it
 * @param serial             serial number as the device reports it
 * @param rotational         spinning media (a hard disk or tape) rather than flash
 * @param removable          removable media (USB stick, card reader, tape)
 * @param readOnly           the device refuses writes (hardware switch, read-only loop device)
 * @param filesystem         the filesystem found directly on this device, or {@code null} if none
 *                           or unknown
 * @param mountPoints        where that filesystem is mounted now, empty if nowhere
 * @param partitionTableType the partition table on this device: {@code gpt}, {@code dos}, or
 *                           {@code ""} if it has none
 * @param partitionNumber    for a partition, its number in the table (1, 2, ...); else 0
 * @param partitionStart     for a partition, its first byte's offset in the parent; else 0
 * @param partitionType      for a partition, its type: a GPT type GUID or an MBR type such as
 *                           {@code 0x83}; else {@code ""}
 * @param partitionName      for a GPT partition, its name; else {@code ""}
 * @param attributes         anything else a provider knows (e.g. {@code wwn}, {@code transport},
 *                           {@code tape.density}); keys are lower case, dot-separated
 */
public record Device(String id, Kind kind, String path, String parentId, long size, int logicalSectorSize,
                     int physicalSectorSize, String vendor, String model, String serial, boolean rotational,
                     boolean removable, boolean readOnly, FileSystemInfo filesystem, List<String> mountPoints,
                     String partitionTableType, int partitionNumber, long partitionStart, String partitionType,
                     String partitionName, Map<String, String> attributes) {

    /** What sort of device a {@link Device} is. */
    public enum Kind {
        /** A whole disk: SATA, NVMe, SCSI, virtio, USB mass storage. */
        DISK,
        /** A partition of a disk (or of a loop device). */
        PARTITION,
        /** A loop device backed by a file. */
        LOOP,
        /** A tape drive. */
        TAPE,
        /** A disk image file treated as a device (raw {@code .img}). */
        IMAGE_FILE,
        /** Anything else: RAID or device-mapper volumes, optical drives, ... */
        OTHER
    }

    public Device {
        id = requireText(id, "id");
        Objects.requireNonNull(kind, "kind");
        path = requireText(path, "path");
        if (parentId != null && (parentId.isBlank() || parentId.equals(id))) {
            throw new IllegalArgumentException("device " + id + ": parentId must be null or another device's id, not '"
                    + parentId + "'");
        }
        requireNotNegative(id, "size", size);
        requireSectorSize(id, "logicalSectorSize", logicalSectorSize);
        requireSectorSize(id, "physicalSectorSize", physicalSectorSize);
        if (logicalSectorSize > 0 && physicalSectorSize > 0 && physicalSectorSize < logicalSectorSize) {
            throw new IllegalArgumentException("device " + id + ": physical sector size " + physicalSectorSize
                    + " is smaller than the logical sector size " + logicalSectorSize);
        }
        vendor = text(vendor);
        model = text(model);
        serial = text(serial);
        mountPoints = mountPoints == null ? List.of() : List.copyOf(mountPoints);
        partitionTableType = text(partitionTableType);
        partitionType = text(partitionType);
        partitionName = text(partitionName);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        requireNotNegative(id, "partitionStart", partitionStart);
        checkPartition(id, kind, parentId, partitionNumber, partitionStart, partitionType, partitionName);
    }

    private static void checkPartition(String id, Kind kind, String parentId, int number, long start, String type,
                                       String name) {
        if (kind == Kind.PARTITION) {
            if (parentId == null) {
                throw new IllegalArgumentException("partition " + id + " needs the id of its parent device");
            }
            if (number < 1) {
                throw new IllegalArgumentException("partition " + id + " needs a partition number of 1 or more, not "
                        + number);
            }
        } else if (number != 0 || start != 0 || !type.isEmpty() || !name.isEmpty()) {
            throw new IllegalArgumentException(kind + " " + id + " is not a partition, so its partition number, start,"
                    + " type and name must be unset");
        }
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("device " + name + " is blank");
        }
        return value;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static void requireNotNegative(String id, String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("device " + id + ": " + name + " is negative: " + value);
        }
    }

    private static void requireSectorSize(String id, String name, int value) {
        if (value < 0 || Integer.bitCount(value) > 1) {
            throw new IllegalArgumentException("device " + id + ": " + name + " must be 0 (unknown) or a power of two,"
                    + " not " + value);
        }
    }

    /** Whether this is a partition of another device. */
    public boolean isPartition() {
        return kind == Kind.PARTITION;
    }

    /** A builder with everything unknown but the three things every device has. */
    public static Builder builder(String id, Kind kind, String path) {
        return new Builder(id, kind, path);
    }

    /** A builder holding this device's values, to describe it after a change. */
    public Builder toBuilder() {
        return new Builder(id, kind, path).parentId(parentId).size(size)
                .sectorSizes(logicalSectorSize, physicalSectorSize).vendor(vendor).model(model).serial(serial)
                .rotational(rotational).removable(removable).readOnly(readOnly).filesystem(filesystem)
                .mountPoints(mountPoints).partitionTableType(partitionTableType)
                .partition(partitionNumber, partitionStart, partitionType, partitionName).attributes(attributes);
    }

    /** Builds a {@link Device}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final Kind kind;
        private final String path;
        private String parentId;
        private long size;
        private int logicalSectorSize;
        private int physicalSectorSize;
        private String vendor;
        private String model;
        private String serial;
        private boolean rotational;
        private boolean removable;
        private boolean readOnly;
        private FileSystemInfo filesystem;
        private List<String> mountPoints;
        private String partitionTableType;
        private int partitionNumber;
        private long partitionStart;
        private String partitionType;
        private String partitionName;
        private Map<String, String> attributes;

        private Builder(String id, Kind kind, String path) {
            this.id = id;
            this.kind = kind;
            this.path = path;
        }

        public Builder parentId(String value) {
            parentId = value;
            return this;
        }

        public Builder size(long bytes) {
            size = bytes;
            return this;
        }

        public Builder sectorSizes(int logical, int physical) {
            logicalSectorSize = logical;
            physicalSectorSize = physical;
            return this;
        }

        public Builder vendor(String value) {
            vendor = value;
            return this;
        }

        public Builder model(String value) {
            model = value;
            return this;
        }

        public Builder serial(String value) {
            serial = value;
            return this;
        }

        public Builder rotational(boolean value) {
            rotational = value;
            return this;
        }

        public Builder removable(boolean value) {
            removable = value;
            return this;
        }

        public Builder readOnly(boolean value) {
            readOnly = value;
            return this;
        }

        public Builder filesystem(FileSystemInfo value) {
            filesystem = value;
            return this;
        }

        public Builder mountPoints(List<String> value) {
            mountPoints = value;
            return this;
        }

        public Builder partitionTableType(String value) {
            partitionTableType = value;
            return this;
        }

        /** The partition's number, first byte's offset in its parent, type and (GPT) name. */
        public Builder partition(int number, long start, String type, String name) {
            partitionNumber = number;
            partitionStart = start;
            partitionType = type;
            partitionName = name;
            return this;
        }

        public Builder attributes(Map<String, String> value) {
            attributes = value;
            return this;
        }

        public Device build() {
            return new Device(id, kind, path, parentId, size, logicalSectorSize, physicalSectorSize, vendor, model,
                    serial, rotational, removable, readOnly, filesystem, mountPoints, partitionTableType,
                    partitionNumber, partitionStart, partitionType, partitionName, attributes);
        }
    }
}
