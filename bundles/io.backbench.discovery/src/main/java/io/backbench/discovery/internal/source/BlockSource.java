package io.backbench.discovery.internal.source;

import java.io.Closeable;
import java.io.IOException;

/**
 * Read-only random access to the bytes of a device, a partition or an image file. Discovery never
 * writes: there is deliberately no write method. Not thread-safe; one prober uses one source.
 */
public interface BlockSource extends Closeable {

    /** Size in bytes. */
    long size();

    /**
     * Reads up to {@code length} bytes at {@code offset}; fewer (possibly none) when the range runs
     * past the end. Never returns null.
     */
    byte[] read(long offset, int length) throws IOException;

    /** A window of this source; closing the window does not close this source. */
    default BlockSource slice(long offset, long size) {
        return new SliceSource(this, offset, size);
    }

    @Override
    default void close() throws IOException {
    }
}
