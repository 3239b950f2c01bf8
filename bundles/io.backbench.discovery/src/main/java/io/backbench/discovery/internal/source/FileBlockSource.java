package io.backbench.discovery.internal.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** A device node or image file, opened read-only. */
public final class FileBlockSource implements BlockSource {
    private final FileChannel channel;
    private final long size;

    private FileBlockSource(FileChannel channel, long size) {
        this.channel = channel;
        this.size = size;
    }

    /** A regular file: its size is the file's length. */
    public static FileBlockSource openFile(Path file) throws IOException {
        return new FileBlockSource(FileChannel.open(file, StandardOpenOption.READ), Files.size(file));
    }

    /** A block device: its size comes from sysfs, since a device node's length reads as 0. */
    public static FileBlockSource openDevice(Path node, long size) throws IOException {
        return new FileBlockSource(FileChannel.open(node, StandardOpenOption.READ), size);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte[] read(long offset, int length) throws IOException {
        if (offset < 0 || offset >= size || length <= 0) {
            return new byte[0];
        }
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(length, size - offset));
        while (buf.hasRemaining()) {
            int n = channel.read(buf, offset + buf.position());
            if (n < 0) {
                break;
            }
        }
        return buf.position() == buf.capacity() ? buf.array() : Arrays.copyOf(buf.array(), buf.position());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
