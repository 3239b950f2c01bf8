package io.backbench.imaging.internal.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.backbench.imaging.api.BlockSource;
import io.backbench.imaging.api.ImagingException;
import io.backbench.target.api.io.DirectIo;

/**
 * A block device node or an image file, opened read-only; positional reads, safe from any thread.
 * Aligned reads bypass the page cache where the file system allows it (see {@link DirectIo}).
 */
public final class FileBlockSource implements BlockSource {
    private final Path path;
    private final FileChannel channel;
    private final FileChannel direct;
    private final long size;
    private final int sectorSize;

    private FileBlockSource(Path path, FileChannel channel, FileChannel direct, long size, int sectorSize) {
        this.path = path;
        this.channel = channel;
        this.direct = direct;
        this.size = size;
        this.sectorSize = sectorSize;
    }

    public static FileBlockSource open(Path path) throws IOException {
        boolean device = DeviceNodes.isBlockDevice(path);
        if (!device && !Files.isRegularFile(path)) {
            if (!Files.exists(path)) {
                throw new ImagingException(path + " does not exist; give a block device (/dev/sdX) or a raw image file");
            }
            throw new ImagingException(path + " is neither a block device nor a regular file; give a block device or a raw image file");
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (AccessDeniedException e) {
            throw new ImagingException("no permission to read " + path + "; run as root or as a member of the 'disk' group", e);
        } catch (NoSuchFileException e) {
            throw new ImagingException(path + " does not exist", e);
        }
        try {
            long size = ch.size();
            int sector = device ? DeviceNodes.logicalSectorSize(path) : 512;
            return new FileBlockSource(path, ch, DirectIo.open(path, StandardOpenOption.READ), size, sector);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int sectorSize() {
        return sectorSize;
    }

    @Override
    public String describe() {
        return path.toString();
    }

    @Override
    public void read(long offset, byte[] buf, int off, int length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IOException("read of " + length + " bytes at " + offset + " lies outside " + path + " (" + size + " bytes)");
        }
        if (direct != null && DirectIo.aligned(offset, length)) {
            int n = DirectIo.read(direct, offset, buf, off, length);
            if (n < length) {
                throw new IOException(path + " ended at byte " + (offset + n) + " while " + size + " were expected (did it shrink?)");
            }
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(buf, off, length);
        long pos = offset;
        while (b.hasRemaining()) {
            int n = channel.read(b, pos);
            if (n < 0) {
                throw new IOException(path + " ended at byte " + pos + " while " + size + " were expected (did it shrink?)");
            }
            pos += n;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (direct != null) {
                direct.close();
            }
        }
    }
}
