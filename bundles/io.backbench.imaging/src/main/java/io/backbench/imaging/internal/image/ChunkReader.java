package io.backbench.imaging.internal.image;

import java.io.IOException;
import java.util.Arrays;

import io.backbench.imaging.api.BlockSource;
import io.backbench.imaging.api.ImagingException;
import io.backbench.imaging.internal.map.Extents;

/**
 * Reads the used ranges of one chunk into a buffer (the rest stays zero). On a read error it either
 * fails, naming the first unreadable sector, or (skipping bad sectors) reads the range again sector
 * by sector, leaving unreadable sectors zero and recording them. Each worker thread has its own.
 */
final class ChunkReader {
    private final BlockSource source;
    private final boolean skipBad;
    private final int sector;
    private final Extents.Builder unreadable = new Extents.Builder();
    private long bytesRead;

    ChunkReader(BlockSource source, boolean skipBad) {
        this.source = source;
        this.skipBad = skipBad;
        this.sector = source.sectorSize();
    }

    /**
     * Fills {@code buf[0..len)} with the chunk at {@code from}: the bytes of {@code used} read from
     * the source, zeros elsewhere (only the gaps are cleared: the buffer is reused).
     */
    void read(Extents used, long from, int len, byte[] buf) throws IOException {
        long to = from + len;
        int filled = 0;
        for (int i = used.indexAfter(from); i < used.count() && used.start(i) < to; i++) {
            long s = Math.max(used.start(i), from);
            long e = Math.min(used.end(i), to);
            Arrays.fill(buf, filled, (int) (s - from), (byte) 0);
            readRange(s, (int) (e - s), buf, (int) (s - from));
            filled = (int) (e - from);
        }
        Arrays.fill(buf, filled, len, (byte) 0);
    }

    private void readRange(long offset, int length, byte[] buf, int off) throws IOException {
        try {
            source.read(offset, buf, off, length);
            bytesRead += length;
        } catch (IOException wholeRange) {
            bySector(offset, length, buf, off);
        }
    }

    private void bySector(long offset, int length, byte[] buf, int off) throws IOException {
        long end = offset + length;
        long pos = offset;
        while (pos < end) {
            int n = (int) Math.min(sector - Math.floorMod(pos, (long) sector), end - pos);
            try {
                source.read(pos, buf, off + (int) (pos - offset), n);
                bytesRead += n;
            } catch (IOException e) {
                if (!skipBad) {
                    throw new ImagingException("cannot read " + source.describe() + " at byte " + pos + " (sector " + pos / sector
                            + "): " + e.getMessage() + ". The device may have bad sectors: image the rest with --skip-bad-sectors"
                            + " (the image then records exactly which ranges could not be read), or rescue the disk with"
                            + " ddrescue first", e);
                }
                Arrays.fill(buf, off + (int) (pos - offset), off + (int) (pos - offset) + n, (byte) 0);
                unreadable.add(pos, n);
            }
            pos += n;
        }
        // if every sector read alone, the error on the whole range was transient and all is read
    }

    Extents unreadable() {
        return unreadable.build();
    }

    long bytesRead() {
        return bytesRead;
    }
}
