package io.backbench.imaging.internal.source;

import java.io.IOException;
import java.util.Arrays;

import io.backbench.imaging.api.BlockSource;

/**
 * Our source as discovery's parsers want it: short reads at the end instead of errors. Only for the
 * small reads of superblocks and partition tables.
 */
public final class ProbeView implements io.backbench.discovery.probe.ProbeSource {
    private final BlockSource source;

    public ProbeView(BlockSource source) {
        this.source = source;
    }

    @Override
    public long size() {
        return source.size();
    }

    @Override
    public byte[] read(long offset, int length) throws IOException {
        if (offset < 0 || offset >= source.size() || length <= 0) {
            return new byte[0];
        }
        int n = (int) Math.min(length, source.size() - offset);
        byte[] b = new byte[n];
        source.read(offset, b, 0, n);
        return n == length ? b : Arrays.copyOf(b, n);
    }
}
