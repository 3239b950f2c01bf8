/**
 * The imaging engine: used-block images of whole disks or single partitions, from block devices or
 * raw image files, stored as snapshots in a restic-format {@link io.backbench.repository.api.Repository}.
 *
 * <p>An image snapshot's tree holds the raw device as one file (fixed-size, aligned chunks; blocks
 * the filesystems do not use are zero and all map to one zero blob) beside a JSON metadata file
 * ({@value io.backbench.imaging.api.DiskImages#METADATA_FILE}: geometry, partition table, filesystems,
 * used-block map, unreadable ranges, per-chunk SHA-256). {@link io.backbench.imaging.api.DiskImages}
 * creates, lists, restores, exports and verifies images; {@link io.backbench.imaging.api.BlockSources}
 * opens devices and image files read-only. Version 0.x: the API may still change.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package io.backbench.imaging.api;
