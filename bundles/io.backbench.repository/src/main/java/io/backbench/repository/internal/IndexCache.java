package io.backbench.repository.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;

/**
 * The repository's index files, each kept on this machine as its list of blobs in a binary form
 * (as restic keeps copies of them in its cache folder): opening a repository then reads a few
 * megabytes of fixed-size records instead of reading, checking, decrypting, decompressing and
 * parsing the JSON of every index file, which was the longest step before a backup could start.
 *
 * <p>An index file never changes (its name is the SHA-256 of its bytes), so a copy named after it
 * is right for as long as the repository lists that file; copies of files it no longer lists are
 * deleted ({@link #retain}). A copy is made when an index file is read from the repository or
 * written to it. Copies are only a cache: one that is missing, damaged (each ends with a CRC-32C of
 * the rest), of another format or of another file is ignored and the index file read again, and a
 * copy that cannot be written is no error. {@code backbench repo check} reads the index files
 * themselves, never these copies. Thread-safe; several processes may share the folder.
 *
 * <p>Format: {@code "BBIX"}, format number, the index file's id, the pack ids (count, then 32
 * bytes each), the blobs (count, then each: type byte, id, pack number, offset, length,
 * uncompressed length), the CRC-32C of all of it; big-endian.
 */
final class IndexCache {
    private static final int MAGIC = 0x42424958; // "BBIX"
    private static final int FORMAT = 1;
    private static final int BLOB_RECORD = 1 + Id.SIZE + 4 + 8 + 4 + 4;
    private static final int HEADER = 4 + 4 + Id.SIZE;
    /** A repository's folder of copies that no open has used for this long is deleted. */
    static final int UNUSED_DAYS = CopyFolder.UNUSED_DAYS;

    private final CopyFolder copies;

    /** The copies of one repository's index files, in {@code dir} (made when the first copy is written). */
    IndexCache(Path dir) {
        this.copies = new CopyFolder(dir);
    }

    /** The folder for the repository with this id under a cache folder. */
    static Path folder(Path cacheRoot, String repositoryId) {
        return cacheRoot.resolve("index").resolve(repositoryId);
    }

    /** The blobs of index file {@code file}, in its order; null if there is no good copy. */
    List<PackedBlob> read(Id file) {
        byte[] all = copies.read(file.hex());
        if (all == null) {
            return null;
        }
        try {
            int body = all.length - 4;
            if (body < HEADER + 8) {
                return null;
            }
            CRC32C crc = new CRC32C();
            crc.update(all, 0, body);
            ByteBuffer in = ByteBuffer.wrap(all);
            if (in.getInt(body) != (int) crc.getValue() || in.getInt() != MAGIC || in.getInt() != FORMAT
                    || !Id.of(all, in.position()).equals(file)) {
                return null;
            }
            in.position(HEADER);
            int packCount = in.getInt();
            if (packCount < 0 || (long) packCount * Id.SIZE > body - in.position() - 4) {
                return null;
            }
            Id[] packs = new Id[packCount];
            for (int i = 0; i < packCount; i++) {
                packs[i] = Id.of(all, in.position());
                in.position(in.position() + Id.SIZE);
            }
            int blobCount = in.getInt();
            if (blobCount < 0 || (long) blobCount * BLOB_RECORD != body - in.position()) {
                return null;
            }
            List<PackedBlob> blobs = new ArrayList<>(blobCount);
            for (int i = 0; i < blobCount; i++) {
                byte type = in.get();
                Id id = Id.of(all, in.position());
                in.position(in.position() + Id.SIZE);
                int pack = in.getInt();
                long offset = in.getLong();
                int length = in.getInt();
                int uncompressed = in.getInt();
                if (type < 0 || type > 1 || pack < 0 || pack >= packCount) {
                    return null;
                }
                blobs.add(new PackedBlob(id, type == 0 ? BlobType.DATA : BlobType.TREE, packs[pack], offset, length, uncompressed));
            }
            return blobs;
        } catch (RuntimeException e) {
            return null; // not a copy this code wrote
        }
    }

    /** Keeps a copy of index file {@code file}, which lists {@code blobs}; a copy that cannot be written is left out. */
    void write(Id file, Collection<PackedBlob> blobs) {
        Map<Id, Integer> packs = new LinkedHashMap<>();
        for (PackedBlob b : blobs) {
            packs.putIfAbsent(b.pack(), packs.size());
        }
        byte[] out = new byte[HEADER + 4 + packs.size() * Id.SIZE + 4 + blobs.size() * BLOB_RECORD + 4];
        ByteBuffer buf = ByteBuffer.wrap(out);
        buf.putInt(MAGIC).putInt(FORMAT);
        file.writeTo(out, buf.position());
        buf.position(HEADER);
        buf.putInt(packs.size());
        for (Id p : packs.keySet()) {
            p.writeTo(out, buf.position());
            buf.position(buf.position() + Id.SIZE);
        }
        buf.putInt(blobs.size());
        for (PackedBlob b : blobs) {
            buf.put((byte) (b.type() == BlobType.DATA ? 0 : 1));
            b.id().writeTo(out, buf.position());
            buf.position(buf.position() + Id.SIZE);
            buf.putInt(packs.get(b.pack())).putLong(b.offset()).putInt(b.length()).putInt(b.uncompressedLength());
        }
        CRC32C crc = new CRC32C();
        crc.update(out, 0, buf.position());
        buf.putInt((int) crc.getValue());
        copies.write(file.hex(), out);
    }

    /**
     * Deletes the copies of index files other than {@code files} (the repository's whole list):
     * those a prune or an index rebuild replaced. Left-over temporary files of a process that was
     * killed while writing one go too, once they are an hour old. Marks this repository's folder as
     * used now, and deletes the folders of other repositories that no open has used for
     * {@link #UNUSED_DAYS} days (a repository deleted or moved away; restic's cache keeps its
     * folders as long).
     */
    void retain(Collection<Id> files) {
        Set<String> keep = new HashSet<>();
        files.forEach(f -> keep.add(f.hex()));
        copies.retain(keep);
    }

    /** The index files that have a copy (for tests). */
    List<String> names() throws IOException {
        return copies.names();
    }
}
