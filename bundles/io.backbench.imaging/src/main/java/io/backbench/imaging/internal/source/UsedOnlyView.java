package io.backbench.imaging.internal.source;

import java.io.IOException;

import io.backbench.imaging.api.BlockSource;
import io.backbench.imaging.internal.map.Extents;

/**
 * Our source as discovery's probers see it, restricted to the bytes a filesystem uses: reads of
 * anything else return zeros without touching the device. Probing for label and UUID then never
 * reads free space.
 */
public final class UsedOnlyView implements io.backbench.discovery.probe.ProbeSource {
    private final BlockSource source;
    private final Extents used;

    public UsedOnlyView(BlockSource source, Extents used) {
        this.source = source;
        this.used = used;
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
        Extents here = used.clip(offset, offset + n);
        for (int i = 0; i < here.count(); i++) {
            source.read(here.start(i), b, (int) (here.start(i) - offset), (int) (here.end(i) - here.start(i)));
        }
        return b;
    }
}
