package io.backbench.discovery.probe;

import java.io.IOException;

/**
 * The bytes a probe reads: a device, a partition or an image file, by ranged reads. Implemented by
 * the caller; a probe only calls {@link #read} for small ranges (superblocks, table headers and
 * entries, a few directory or MFT records) and never writes. Used by one probe on one thread.
 */
public interface ProbeSource {

    /** Size in bytes. */
    long size();

    /**
     * Up to {@code length} bytes at {@code offset}: fewer (possibly none) when the range runs past
     * the end, never null. A read error is an {@link IOException}, which the probe passes on.
     */
    byte[] read(long offset, int length) throws IOException;
}
