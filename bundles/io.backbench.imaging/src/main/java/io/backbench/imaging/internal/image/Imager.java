package io.backbench.imaging.internal.image;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.backbench.discovery.probe.FileSystemProbe;
import io.backbench.discovery.probe.PartitionEntry;
import io.backbench.imaging.api.BlockSource;
import io.backbench.imaging.api.DiskImages;
import io.backbench.imaging.api.ImageOptions;
import io.backbench.imaging.api.ImageProgress;
import io.backbench.imaging.api.ImageResult;
import io.backbench.imaging.internal.map.DiskLayout;
import io.backbench.imaging.internal.map.UsedMap;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryLock;
import io.backbench.repository.api.Snapshot;
import io.backbench.repository.api.StoredSnapshot;
import io.backbench.repository.api.Tree;

/**
 * Takes one image: analyses the source's layout (while the shared repository lock is being taken,
 * see {@link PendingLock}), then under that lock stores its chunks, the metadata file, the tree and
 * the snapshot (so a crash leaves only unreferenced chunks). Runs on the caller's thread.
 */
public final class Imager {
    private final Repository repo;
    private final ImageProgress progress;

    public Imager(Repository repo, ImageProgress progress) {
        this.repo = repo;
        this.progress = progress;
    }

    /**
     * @param name         the source as the snapshot names it (a path, or {@code path#N} for a partition)
     * @param sourceDevice its {@code major:minor} if it is a block device, else ""
     * @param warnings     warnings found before (mounted filesystems), carried into the result
     */
    public ImageResult image(BlockSource source, String name, String sourceDevice, ImageOptions options, List<String> warnings)
            throws IOException {
        Instant start = Instant.now();
        PendingLock pending = PendingLock.start(repo);
        DiskLayout layout;
        try {
            progress.update("analyse", 0, source.size());
            layout = DiskLayout.analyse(source, options.readAll());
        } catch (IOException | RuntimeException | Error e) {
            pending.abandon(e);
            throw e;
        }
        try (RepositoryLock lock = pending.await()) {
            List<String> allWarnings = new ArrayList<>(warnings);
            allWarnings.addAll(layout.warnings());
            for (String w : layout.warnings()) {
                progress.warning(w);
            }
            StoredSnapshot parent = ImageStore.latest(repo, name, hostname(options));
            options = withParentChunkSize(options, parent);
            List<String> notes = new ArrayList<>();
            ChangedChunks reuse = ChangedChunks.plan(repo, parent, source, layout, options, notes);
            for (String note : notes) {
                allWarnings.add(note);
                progress.warning(note);
            }
            ImageWriter.Stored stored = new ImageWriter(repo, progress).write(source, layout.used(), options, reuse);
            if (!stored.unreadable().isEmpty()) {
                String w = stored.unreadable().total() + " bytes of " + name + " could not be read and are zero in the image: "
                        + stored.unreadable();
                allWarnings.add(w);
                progress.warning(w);
            }
            ImageMetadata meta = metadata(source, name, sourceDevice, options, layout, stored, allWarnings);
            Id snapshot = saveSnapshot(meta, start, options, parent);
            return new ImageResult(snapshot, parent == null ? null : parent.id(), name, source.size(), stored.chunks().size(),
                    stored.zeroChunks(), layout.used().total(), stored.bytesRead(), stored.newChunks(), stored.bytesNew(),
                    stored.unreadable().ranges(), allWarnings);
        }
    }

    /** The default chunk size gives way to the previous image's, so that unchanged chunks dedupe against it. */
    private ImageOptions withParentChunkSize(ImageOptions options, StoredSnapshot parent) throws IOException {
        if (parent == null || options.chunkSize() != ImageOptions.DEFAULT_CHUNK_SIZE) {
            return options;
        }
        int previous = ImageStore.load(repo, parent).metadata().chunkSize();
        return previous == options.chunkSize() ? options : options.withChunkSize(previous);
    }

    private ImageMetadata metadata(BlockSource source, String name, String sourceDevice, ImageOptions options, DiskLayout layout,
            ImageWriter.Stored stored, List<String> warnings) {
        List<ImageMetadata.Part> parts = new ArrayList<>();
        for (DiskLayout.Partition p : layout.partitions()) {
            PartitionEntry e = p.entry();
            parts.add(part(e.number(), p.start(), p.length(), e.type(), e.name(), e.uuid(), p.filesystem(), p.map(), options));
        }
        ImageMetadata.Part whole = layout.table() == null
                ? part(0, 0, source.size(), "", "", "", layout.filesystem(), layout.fsMap(), options) : null;
        return new ImageMetadata(rawFileName(name), name, sourceDevice, source.size(), source.sectorSize(), options.chunkSize(),
                layout.table() == null ? "" : layout.table().type(), layout.table() == null ? "" : layout.table().id(), whole,
                parts, layout.used(), stored.unreadable(), stored.chunks(), warnings);
    }

    private static ImageMetadata.Part part(int number, long start, long length, String type, String name, String uuid, FileSystemProbe fs,
            UsedMap map, ImageOptions options) {
        String method = options.readAll() ? "whole" : map.method();
        long used = options.readAll() ? length : map.used().total();
        return new ImageMetadata.Part(number, start, length, type, name, uuid, fs == null ? "" : fs.type(),
                fs == null ? "" : fs.label(), fs == null ? "" : fs.uuid(), method, options.readAll() ? 0 : map.blockSize(), used);
    }

    private Id saveSnapshot(ImageMetadata meta, Instant start, ImageOptions options, StoredSnapshot parent) throws IOException {
        Instant now = Instant.now();
        List<Id> metaBlobs = new ArrayList<>();
        byte[] json = meta.toJson().getBytes(StandardCharsets.UTF_8);
        for (int off = 0; off < json.length; off += 1 << 20) {
            metaBlobs.add(repo.saveBlob(io.backbench.repository.api.BlobType.DATA, json, off, Math.min(1 << 20, json.length - off)));
        }
        Node raw = Node.builder(meta.rawFile(), NodeType.FILE).permissions(0600).times(now).user(user()).size(meta.size())
                .links(1).content(meta.chunks()).build();
        Node info = Node.builder(DiskImages.METADATA_FILE, NodeType.FILE).permissions(0644).times(now).user(user())
                .size(json.length).links(1).content(metaBlobs).build();
        Id tree = repo.saveTree(new Tree(List.of(raw, info)));
        List<String> tags = new ArrayList<>();
        tags.add(DiskImages.TAG);
        for (String t : options.tags()) {
            if (!tags.contains(t)) {
                tags.add(t);
            }
        }
        Snapshot s = new Snapshot(start, tree, List.of(meta.source()), hostname(options), user(), 0, 0, List.of(), tags,
                parent == null ? null : parent.id(), null);
        return repo.saveSnapshot(s);
    }

    /** {@code sda} → {@code sda.img}; {@code disk.img} stays; {@code disk.img#2} → {@code disk-part2.img}. */
    static String rawFileName(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        int hash = base.indexOf('#');
        String part = hash >= 0 ? "-part" + base.substring(hash + 1) : "";
        base = hash >= 0 ? base.substring(0, hash) : base;
        if (base.endsWith(".img") && !part.isEmpty()) {
            base = base.substring(0, base.length() - 4);
        }
        if (base.isEmpty() || base.equals(DiskImages.METADATA_FILE)) {
            base = "disk";
        }
        return base.endsWith(".img") ? base : base + part + ".img";
    }

    static String hostname(ImageOptions options) {
        if (options.hostname() != null && !options.hostname().isBlank()) {
            return options.hostname();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String user() {
        return System.getProperty("user.name", "");
    }
}
