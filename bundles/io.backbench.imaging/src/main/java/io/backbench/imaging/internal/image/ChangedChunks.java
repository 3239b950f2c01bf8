package io.backbench.imaging.internal.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.backbench.imaging.api.BlockSource;
import io.backbench.imaging.api.ImageOptions;
import io.backbench.imaging.internal.map.DiskLayout;
import io.backbench.imaging.internal.map.ExtChanges;
import io.backbench.imaging.internal.map.FatChanges;
import io.backbench.imaging.internal.map.Extents;
import io.backbench.imaging.internal.map.FsMapException;
import io.backbench.imaging.internal.source.SliceBlockSource;
import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.StoredSnapshot;

/**
 * {@link ImageOptions#changedOnly()}: the chunks of the previous image that are taken as they are,
 * unread. A chunk qualifies when its used map equals the previous image's there, none of its bytes
 * was unreadable then, and every used byte of it is data of an ext file whose inode has not changed
 * (see {@link ExtChanges}) or of a FAT file whose directory entry has not changed (see
 * {@link FatChanges}) since {@link #MARGIN_SECONDS} before the previous image began. NTFS and other
 * filesystems are read in full. Built and used on the calling thread.
 */
final class ChangedChunks {
    /** How far the clock that wrote the filesystem may be behind ours, and ctime's one-second granularity. */
    static final long MARGIN_SECONDS = 600;

    private final Repository repo;
    private final ImageMetadata parent;
    private final Extents unchanged;

    private ChangedChunks(Repository repo, ImageMetadata parent, Extents unchanged) {
        this.repo = repo;
        this.parent = parent;
        this.unchanged = unchanged;
    }

    /**
     * The plan against {@code parent}, or null when the option is off or the parent does not fit
     * (then {@code notes} says why and everything is read).
     */
    static ChangedChunks plan(Repository repo, StoredSnapshot parent, BlockSource src, DiskLayout layout, ImageOptions options,
            List<String> notes) throws IOException {
        if (!options.changedOnly() || options.readAll()) {
            return null;
        }
        if (parent == null) {
            notes.add("there is no previous image of " + src.describe() + " to take unchanged chunks from: everything is read");
            return null;
        }
        ImageMetadata p = ImageStore.load(repo, parent).metadata();
        String misfit = misfit(p, src, layout, options);
        if (misfit != null) {
            notes.add("the previous image " + parent.id().shortHex() + " " + misfit + ": everything is read");
            return null;
        }
        long since = parent.snapshot().time().getEpochSecond() - MARGIN_SECONDS;
        Extents.Builder unchanged = new Extents.Builder();
        if (layout.table() == null) {
            unchanged.addAll(unchangedIn(src, layout.filesystem() == null ? null : layout.filesystem().type(),
                    layout.fsMap() == null ? null : layout.fsMap().method(), since, notes));
        } else {
            for (DiskLayout.Partition part : layout.partitions()) {
                SliceBlockSource slice = new SliceBlockSource(src, part.start(), part.length(),
                        src.describe() + " partition " + part.entry().number());
                unchanged.addAll(unchangedIn(slice, part.filesystem() == null ? null : part.filesystem().type(), part.map().method(),
                        since, notes).shift(part.start()));
            }
        }
        return new ChangedChunks(repo, p, unchanged.build());
    }

    private static Extents unchangedIn(BlockSource fs, String type, String method, long since, List<String> notes) throws IOException {
        boolean ext = type != null && type.startsWith("ext") && "ext-bitmap".equals(method);
        boolean fat = "vfat".equals(type) && method != null && method.startsWith("fat");
        if (!ext && !fat) {
            return Extents.EMPTY;
        }
        try {
            return ext ? ExtChanges.unchangedSince(fs, since) : FatChanges.unchangedSince(fs, since);
        } catch (FsMapException e) {
            notes.add(type + " on " + fs.describe() + ": " + e.getMessage() + "; all its used blocks are read");
            return Extents.EMPTY;
        }
    }

    /** Why the previous image cannot lend chunks, or null if it can: same size, chunk size and layout. */
    private static String misfit(ImageMetadata p, BlockSource src, DiskLayout layout, ImageOptions options) {
        if (p.size() != src.size() || p.chunkSize() != options.chunkSize()) {
            return "has another size or chunk size (" + p.size() + " bytes in chunks of " + p.chunkSize() + ")";
        }
        String table = layout.table() == null ? "" : layout.table().type();
        String tableId = layout.table() == null ? "" : layout.table().id();
        if (!p.tableType().equals(table) || !p.tableId().equals(tableId)) {
            return "has another partition table";
        }
        List<List<Object>> now = new ArrayList<>();
        for (DiskLayout.Partition part : layout.partitions()) {
            now.add(List.of(part.start(), part.length(), part.filesystem() == null ? "" : Objects.toString(part.filesystem().uuid(), "")));
        }
        List<List<Object>> then = new ArrayList<>();
        for (ImageMetadata.Part part : p.partitions()) {
            then.add(List.of(part.start(), part.length(), Objects.toString(part.fsUuid(), "")));
        }
        String fsNow = layout.filesystem() == null ? "" : Objects.toString(layout.filesystem().uuid(), "");
        String fsThen = p.filesystem() == null ? "" : Objects.toString(p.filesystem().fsUuid(), "");
        if (!now.equals(then) || !Objects.equals(fsNow, fsThen)) {
            return "has other partitions or filesystems";
        }
        return null;
    }

    /** The previous image's id for chunk {@code c} at {@code [from, from + len)} if it can be taken unread, else null. */
    Id reusable(int c, long from, int len, Extents used) {
        long to = from + len;
        Extents here = used.clip(from, to);
        if (!unchanged.covers(here) || !here.equals(parent.used().clip(from, to)) || parent.unreadable().intersects(from, to)) {
            return null;
        }
        Id id = parent.chunks().get(c);
        return repo.hasBlob(BlobType.DATA, id) ? id : null;
    }
}
