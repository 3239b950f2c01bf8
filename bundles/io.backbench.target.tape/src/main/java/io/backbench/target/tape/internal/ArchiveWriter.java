package io.backbench.target.tape.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Writes one tape file: a pax archive of one entry (headers, data, padding, the end-of-archive
 * records), cut into whole blocks of the volume's block size (the last one padded with zeros, as
 * tar pads its last record), then a filemark. Called with the target's lock held.
 */
final class ArchiveWriter {
    private final TapeDrive drive;
    private final byte[] block;
    private int filled;
    private boolean earlyWarning;

    private ArchiveWriter(TapeDrive drive, int blockSize) {
        this.drive = drive;
        this.block = new byte[blockSize];
    }

    /** The bytes a tape file of this entry takes on tape, whole blocks. */
    static long tapeBytes(int headerBytes, long size, int blockSize) {
        long archive = headerBytes + size + Pax.padding(size) + 2L * Pax.RECORD;
        return (archive + blockSize - 1) / blockSize * blockSize;
    }

    /**
     * Writes the archive at the drive's position and ends it with a filemark.
     *
     * @return whether the medium passed its early-warning point (the file is complete; change volumes now)
     * @throws TapeDrive.EndOfMediumException if the medium filled up first: the tape file is cut short
     *         (the scan ignores such a file) and ended with a filemark if the drive still can
     */
    static boolean write(TapeDrive drive, int blockSize, byte[] headers, InputStream data, long size) throws IOException {
        ArchiveWriter w = new ArchiveWriter(drive, blockSize);
        try {
            w.bytes(headers, 0, headers.length);
            byte[] buf = new byte[64 * 1024];
            long left = size;
            while (left > 0) {
                int n = data.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new IOException("the spooled object ended after " + (size - left) + " of " + size + " bytes");
                }
                w.bytes(buf, 0, n);
                left -= n;
            }
            byte[] tail = new byte[Pax.padding(size) + 2 * Pax.RECORD];
            w.bytes(tail, 0, tail.length);
            if (w.filled > 0) {
                Arrays.fill(w.block, w.filled, blockSize, (byte) 0);
                w.flush();
            }
        } catch (TapeDrive.EndOfMediumException e) {
            try {
                drive.writeFilemark();
            } catch (IOException ignored) {
                // past the physical end a filemark may fail too; the cut file is ignored either way
            }
            throw e;
        }
        drive.writeFilemark();
        return w.earlyWarning;
    }

    private void bytes(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, block.length - filled);
            System.arraycopy(b, off, block, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == block.length) {
                flush();
            }
        }
    }

    private void flush() throws IOException {
        earlyWarning |= drive.write(block);
        filled = 0;
    }
}
