package io.backbench.imaging.api;

import java.time.Instant;
import java.util.List;

import io.backbench.repository.api.Id;

/**
 * One image snapshot as {@link DiskImages#list} shows it.
 *
 * @param snapshot       the snapshot id
 * @param time           when the image was taken
 * @param hostname       where
 * @param source         the device or file imaged
 * @param size           its size in bytes
 * @param usedBytes      bytes in use according to the filesystems
 * @param partitionTable {@code gpt}, {@code dos}, or "" if none
 * @param filesystems    the filesystems found, e.g. {@code 1:ext4}, {@code 2:vfat}, or {@code ext4} for a single one
 * @param unreadable     ranges that could not be read when imaging
 * @param tags           the snapshot's tags
 */
public record ImageSummary(Id snapshot, Instant time, String hostname, String source, long size, long usedBytes,
        String partitionTable, List<String> filesystems, List<ByteRange> unreadable, List<String> tags) {

    public ImageSummary {
        filesystems = List.copyOf(filesystems);
        unreadable = List.copyOf(unreadable);
        tags = List.copyOf(tags);
    }
}
