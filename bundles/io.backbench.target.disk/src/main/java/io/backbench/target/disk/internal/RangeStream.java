package io.backbench.target.disk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.backbench.target.api.io.DirectIo;

/**
 * Up to {@code remaining} bytes of an open file from its current position; closes the file. Reads of
 * at least {@link #DIRECT_MIN} (a restore reads pack ranges of megabytes, each once) go around the
 * page cache where the file system allows it. One thread.
 */
final class RangeStream extends InputStream {
    /** Reads at least this long go around the page cache; the packs' headers, the index and the rest do not. */
    static final int DIRECT_MIN = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private long remaining;
    /** Opened at the first large read; null before, and where the file system refuses O_DIRECT. */
    private FileChannel direct;
    private boolean directTried;

    RangeStream(Path file, FileChannel channel, long remaining) {
        this.file = file;
        this.channel = channel;
        this.remaining = remaining;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (remaining <= 0) {
            return -1;
        }
        int want = (int) Math.min(len, remaining);
        int n = want >= DIRECT_MIN && direct() != null ? readDirect(b, off, want) : channel.read(ByteBuffer.wrap(b, off, want));
        if (n < 0) {
            remaining = 0;
            return -1;
        }
        remaining -= n;
        return n;
    }

    private FileChannel direct() {
        if (!directTried) {
            directTried = true;
            direct = DirectIo.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        }
        return direct;
    }

    /** Through the direct channel, from the ordinary one's position, which it moves; -1 at the end. */
    private int readDirect(byte[] b, int off, int want) throws IOException {
        long pos = channel.position();
        int n;
        try {
            n = DirectIo.readAny(direct, pos, b, off, want);
        } catch (IOException e) {
            closeDirect(); // refused after all (EINVAL and the like): the ordinary channel from here on
            return channel.read(ByteBuffer.wrap(b, off, want));
        }
        if (n == 0) {
            return channel.read(ByteBuffer.wrap(b, off, want)); // at the end (or the file shrank): as the ordinary channel says
        }
        channel.position(pos + n);
        return n;
    }

    private void closeDirect() throws IOException {
        if (direct != null) {
            FileChannel d = direct;
            direct = null;
            d.close();
        }
    }

    @Override
    public long skip(long n) throws IOException {
        long skip = Math.max(0, Math.min(n, remaining));
        channel.position(channel.position() + skip);
        remaining -= skip;
        return skip;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    @Override
    public void close() throws IOException {
        try {
            closeDirect();
        } finally {
            channel.close();
        }
    }
}
