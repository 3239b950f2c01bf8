package io.backbench.imaging.internal.restore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.backbench.target.api.io.DirectIo;

/**
 * Positional writes to a restore target: aligned ranges bypass the page cache (O_DIRECT, where the
 * target allows it), the rest goes through the ordinary channel. Safe from any thread; closes only
 * the direct channel it opened.
 */
final class TargetWriter implements AutoCloseable {
    private final FileChannel channel;
    private final FileChannel direct;

    TargetWriter(FileChannel channel, Path target) {
        this.channel = channel;
        this.direct = DirectIo.open(target, StandardOpenOption.WRITE);
    }

    void write(long pos, byte[] data, int off, int len) throws IOException {
        if (direct != null && DirectIo.aligned(pos, len)) {
            DirectIo.write(direct, pos, data, off, len);
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(data, off, len);
        while (b.hasRemaining()) {
            pos += channel.write(b, pos);
        }
    }

    @Override
    public void close() throws IOException {
        if (direct != null) {
            direct.close();
        }
    }
}
