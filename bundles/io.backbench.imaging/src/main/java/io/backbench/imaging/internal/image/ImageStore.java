package io.backbench.imaging.internal.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.backbench.imaging.api.DiskImages;
import io.backbench.imaging.api.ImageSummary;
import io.backbench.imaging.api.ImagingException;
import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.StoredSnapshot;
import io.backbench.repository.api.Tree;

/** Finds image snapshots and reads their metadata and raw file node. */
public final class ImageStore {

    /** An image as stored: its snapshot, metadata and the raw file's node. */
    public record Image(StoredSnapshot snapshot, ImageMetadata metadata, Node raw) {
    }

    private ImageStore() {
    }

    public static Image load(Repository repo, StoredSnapshot s) throws IOException {
        Tree tree = repo.loadTree(s.snapshot().tree());
        Node info = tree.find(DiskImages.METADATA_FILE);
        if (info == null || info.content() == null) {
            throw new ImagingException("snapshot " + s.id().shortHex() + " is not a Backbench disk image (its tree has no "
                    + DiskImages.METADATA_FILE + "); 'backbench image list' lists the images");
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        for (Id id : info.content()) {
            json.writeBytes(repo.loadBlob(BlobType.DATA, id));
        }
        ImageMetadata meta = ImageMetadata.parse(json.toString(StandardCharsets.UTF_8));
        Node raw = tree.find(meta.rawFile());
        if (raw == null || raw.content() == null) {
            throw new ImagingException("image snapshot " + s.id().shortHex() + " has no raw file " + meta.rawFile());
        }
        if (raw.size() != meta.size() || raw.content().size() != meta.chunkCount()) {
            throw new ImagingException("image snapshot " + s.id().shortHex() + ": the raw file " + meta.rawFile() + " has "
                    + raw.size() + " bytes in " + raw.content().size() + " chunks, but the metadata says " + meta.size() + " bytes in "
                    + meta.chunkCount() + " chunks; the snapshot is damaged");
        }
        return new Image(s, meta, raw);
    }

    /** Snapshots tagged as images, oldest first. */
    public static List<StoredSnapshot> imageSnapshots(Repository repo) throws IOException {
        List<StoredSnapshot> out = new ArrayList<>();
        for (StoredSnapshot s : repo.snapshots()) {
            if (s.snapshot().tags().contains(DiskImages.TAG)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The newest image of {@code source} taken on {@code host}, or null. */
    static StoredSnapshot latest(Repository repo, String source, String host) throws IOException {
        StoredSnapshot newest = null;
        for (StoredSnapshot s : imageSnapshots(repo)) {
            if (s.snapshot().paths().equals(List.of(source)) && host.equals(s.snapshot().hostname())
                    && (newest == null || !s.snapshot().time().isBefore(newest.snapshot().time()))) {
                newest = s;
            }
        }
        return newest;
    }

    public static List<ImageSummary> list(Repository repo) throws IOException {
        List<ImageSummary> out = new ArrayList<>();
        for (StoredSnapshot s : imageSnapshots(repo)) {
            ImageMetadata m = load(repo, s).metadata();
            List<String> fs = new ArrayList<>();
            if (m.filesystem() != null && !m.filesystem().fsType().isEmpty()) {
                fs.add(m.filesystem().fsType());
            }
            for (ImageMetadata.Part p : m.partitions()) {
                fs.add(p.number() + ":" + (p.fsType().isEmpty() ? "?" : p.fsType()));
            }
            out.add(new ImageSummary(s.id(), s.snapshot().time(), s.snapshot().hostname(), m.source(), m.size(), m.used().total(),
                    m.tableType(), fs, m.unreadable().ranges(), s.snapshot().tags()));
        }
        return out;
    }
}
