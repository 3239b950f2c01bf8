package io.backbench.imaging.api;

import java.io.Closeable;
import java.io.IOException;

/**
 * Read-only random access to a block device, a partition or a raw image file. There is deliberately
 * no write method: imaging never writes to its source.
 *
 * <p>{@link #read} may be called from several threads at once (positional reads); decorators
 * (counting, fault injection in tests) wrap a source.
 */
public interface BlockSource extends Closeable {

    /** Size in bytes. */
    long size();

    /** The logical sector size in bytes (512 or 4096); the unit of unreadable ranges. */
    int sectorSize();

    /** A name for messages: the device node or file path. */
    String describe();

    /**
     * Reads exactly {@code length} bytes at {@code offset} into {@code buf[off..off+length)}.
     *
     * @throws IOException if the device reports an error (a bad sector), or the range lies past the
     *                     end; the message says where
     */
    void read(long offset, byte[] buf, int off, int length) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
