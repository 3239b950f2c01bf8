package io.backbench.backup.internal.restore;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;

/**
 * Writes a file's content from its data blobs. A blob that is all zeros becomes a hole when writing
 * sparse (the common zero chunk is known by its id, without loading it); the file's length is
 * set at the end, so trailing holes count too. Verification reads the file back chunk by chunk and
 * compares each chunk's SHA-256 with its blob id. Called from the restore's writer threads.
 */
final class ContentWriter {
    private static final int BUFFER = 1 << 20;
    /** A long run of zeros is cut into chunks of the minimum size: the fingerprint of a zero window is 0. */
    private static final int ZERO_CHUNK = io.backbench.repository.api.Chunker.MIN_SIZE;
    private static final Id ZERO_CHUNK_ID = Id.hash(new byte[ZERO_CHUNK]);
    private final Repository repo;
    private final boolean sparse;

    ContentWriter(Repository repo, boolean sparse) {
        this.repo = repo;
        this.sparse = sparse;
    }

    /** Writes the content into the (new or truncated) file {@code p}; returns the bytes it holds. */
    long write(Path p, Node n) throws IOException {
        long pos = 0;
        try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
            raf.setLength(0);
            FileChannel ch = raf.getChannel();
            for (Id id : n.content() == null ? java.util.List.<Id>of() : n.content()) {
                int len = length(id);
                if (sparse && len == ZERO_CHUNK && id.equals(ZERO_CHUNK_ID)) {
                    pos += len;
                    continue;
                }
                byte[] data = repo.loadBlob(BlobType.DATA, id);
                if (sparse && allZero(data)) {
                    pos += data.length;
                    continue;
                }
                ByteBuffer bb = ByteBuffer.wrap(data);
                while (bb.hasRemaining()) {
                    pos += ch.write(bb, pos);
                }
            }
            raf.setLength(pos);
        }
        return pos;
    }

    /** Null if the file holds exactly the node's content, else what differs. */
    String verify(Path p, Node n) throws IOException {
        MessageDigest sha = Id.sha256();
        byte[] buf = new byte[BUFFER];
        long offset = 0;
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            for (Id id : n.content() == null ? java.util.List.<Id>of() : n.content()) {
                long left = length(id);
                sha.reset();
                while (left > 0) {
                    int r = ch.read(ByteBuffer.wrap(buf, 0, (int) Math.min(buf.length, left)), offset);
                    if (r < 0) {
                        return "the file ends at byte " + offset + " but the snapshot has more";
                    }
                    sha.update(buf, 0, r);
                    offset += r;
                    left -= r;
                }
                if (!Id.of(sha.digest()).equals(id)) {
                    return "the chunk at byte " + offset + " differs from blob " + id.shortHex();
                }
            }
            if (ch.size() != offset) {
                return "the file has " + ch.size() + " bytes, the snapshot " + offset;
            }
        }
        return null;
    }

    private int length(Id id) throws RepositoryException {
        PackedBlob b = repo.index().lookup(BlobType.DATA, id).orElse(null);
        if (b == null) {
            throw new RepositoryException("data blob " + id.shortHex() + " is not in the index of " + repo.describe()
                    + "; the repository is damaged ('backbench repo check' tells more)");
        }
        return b.plaintextLength();
    }

    private static boolean allZero(byte[] data) {
        for (byte b : data) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
