package io.backbench.discovery.probe;

/**
 * One partition as its table describes it.
 *
 * @param number   its number as the kernel and fdisk count: GPT slot + 1; MBR 1-4 primary, 5+ logical
 * @param firstLba first sector, in the table's sector size
 * @param sectors  length in sectors
 * @param type     GPT type GUID (lower case) or MBR type as {@code 0x83}
 * @param name     GPT partition name, "" for MBR
 * @param uuid     GPT unique partition GUID, or for MBR the disk id and number ({@code 1a2b3c4d-05})
 * @param extended an MBR extended partition (a container of logical partitions, not a filesystem)
 */
public record PartitionEntry(int number, long firstLba, long sectors, String type, String name, String uuid,
        boolean extended) {

    /** The first byte, for a table counted in {@code sectorSize}-byte sectors. */
    public long start(int sectorSize) {
        return firstLba * sectorSize;
    }

    /** The length in bytes, for a table counted in {@code sectorSize}-byte sectors. */
    public long size(int sectorSize) {
        return sectors * sectorSize;
    }
}
