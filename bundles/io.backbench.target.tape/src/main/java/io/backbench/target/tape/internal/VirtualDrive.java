package io.backbench.target.tape.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A file-backed tape library: a folder per cartridge under the library folder, one file per tape
 * file ({@code file-00000.tar}, ...), where a filemark is the end of a file. Each cartridge holds
 * {@code capacity} bytes; past {@code capacity - earlyWarning} writes report the early warning, past
 * {@code capacity} they fail as the end of the medium, as an LTO drive does. Any cartridge folder
 * (or label of the magazine, a blank cartridge) can be loaded without an operator.
 */
final class VirtualDrive implements TapeDrive {
    private final Path library;
    private final long capacity;
    private final long earlyWarning;
    private final List<String> magazine;
    private final boolean sync;
    private final boolean knowsRemaining;

    private String label;
    private Path cartridge;
    private int files;
    private long used;
    private int blockSize;
    private int file;
    private long offset;
    private FileChannel writing;

    VirtualDrive(Path library, long capacity, long earlyWarning, List<String> magazine, boolean sync) {
        this(library, capacity, earlyWarning, magazine, sync, true);
    }

    /**
     * @param knowsRemaining whether {@link #remaining()} tells the space left; false behaves as a
     *                       real drive, which only warns when it reaches the early-warning point
     */
    VirtualDrive(Path library, long capacity, long earlyWarning, List<String> magazine, boolean sync, boolean knowsRemaining) {
        this.library = library;
        this.capacity = capacity;
        this.earlyWarning = earlyWarning;
        this.magazine = List.copyOf(magazine);
        this.sync = sync;
        this.knowsRemaining = knowsRemaining;
    }

    @Override
    public String describe() {
        return "virtual:" + library;
    }

    @Override
    public List<String> magazine() {
        return magazine;
    }

    /** The magazine, then the other cartridge folders of the library (loaded earlier at an operator's word). */
    @Override
    public List<String> scanOrder() throws IOException {
        List<String> all = new java.util.ArrayList<>(magazine);
        if (Files.isDirectory(library)) {
            try (java.util.stream.Stream<Path> s = Files.list(library)) {
                s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> n.matches("[A-Za-z0-9_-]{1,32}"))
                        .filter(n -> !all.contains(n)).sorted().forEach(all::add);
            }
        }
        return all;
    }

    @Override
    public boolean load(String newLabel) throws IOException {
        finishWriting();
        Volumes.checkLabel(newLabel);
        cartridge = Files.createDirectories(library.resolve(newLabel));
        label = newLabel;
        files = 0;
        used = 0;
        while (Files.exists(tapeFile(files))) {
            used += Files.size(tapeFile(files));
            files++;
        }
        file = 0;
        offset = 0;
        return true;
    }

    @Override
    public Optional<String> loadedLabel() {
        return Optional.ofNullable(label);
    }

    @Override
    public void rewind() throws IOException {
        requireLoaded();
        finishWriting();
        file = 0;
        offset = 0;
    }

    @Override
    public void setBlockSize(int bytes) {
        blockSize = bytes;
    }

    @Override
    public void skipFiles(int count) throws IOException {
        requireLoaded();
        finishWriting();
        if (file + count > files) {
            throw new IOException(describe() + " " + label + ": cannot space over " + count + " filemarks from file "
                    + file + ", the tape holds " + files + " files");
        }
        file += count;
        offset = 0;
    }

    @Override
    public void skipBlocks(long count) throws IOException {
        requireLoaded();
        if (file >= files || offset + count * blockSize > Files.size(tapeFile(file))) {
            throw new IOException(describe() + " " + label + ": cannot space over " + count + " blocks in file " + file);
        }
        offset += count * blockSize;
    }

    @Override
    public void toEndOfData() throws IOException {
        requireLoaded();
        finishWriting();
        file = files;
        offset = 0;
    }

    @Override
    public int fileNumber() {
        return file;
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        requireLoaded();
        finishWriting();
        if (file >= files) {
            return -1;
        }
        long size = Files.size(tapeFile(file));
        if (offset >= size) {
            file++;
            offset = 0;
            return 0;
        }
        int n = blockSize == 0 ? (int) Math.min(buffer.length, size - offset) : blockSize;
        if (n > buffer.length) {
            throw new IOException("a read buffer of " + buffer.length + " bytes is smaller than the block size " + n);
        }
        try (FileChannel ch = FileChannel.open(tapeFile(file), StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
            while (b.hasRemaining()) {
                if (ch.read(b, offset + b.position()) < 0) {
                    throw new IOException(tapeFile(file) + " ends inside a block at byte " + (offset + b.position()));
                }
            }
        }
        offset += n;
        return n;
    }

    @Override
    public boolean write(byte[] block) throws IOException {
        requireLoaded();
        if (blockSize == 0 || block.length != blockSize) {
            throw new IOException("writes need fixed-block mode and whole blocks: " + block.length + " bytes, block size " + blockSize);
        }
        if (writing == null) {
            startWriting();
        }
        if (used + block.length > capacity) {
            throw new EndOfMediumException("cartridge " + label + " in " + describe() + " is full (" + capacity + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(block);
        while (b.hasRemaining()) {
            writing.write(b);
        }
        used += block.length;
        offset += block.length;
        return used > capacity - earlyWarning;
    }

    @Override
    public void writeFilemark() throws IOException {
        requireLoaded();
        if (writing == null) {
            startWriting();
        }
        finishWriting();
    }

    @Override
    public OptionalLong remaining() {
        return label == null || !knowsRemaining ? OptionalLong.empty() : OptionalLong.of(capacity - used);
    }

    @Override
    public OptionalLong capacity() {
        return knowsRemaining ? OptionalLong.of(capacity) : OptionalLong.empty();
    }

    @Override
    public void close() throws IOException {
        finishWriting();
        label = null;
    }

    /** Writing ends the data here: later files go, this one is cut at the position, as on tape. */
    private void startWriting() throws IOException {
        for (int f = files - 1; f > file; f--) {
            used -= Files.size(tapeFile(f));
            Files.delete(tapeFile(f));
        }
        files = file + 1;
        Path p = tapeFile(file);
        long before = Files.exists(p) ? Files.size(p) : 0;
        writing = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        writing.truncate(offset);
        writing.position(offset);
        used -= before - Math.min(before, offset);
    }

    /** The filemark: the file is complete (and on disk, as a drive flushes its buffer at a filemark). */
    private void finishWriting() throws IOException {
        if (writing != null) {
            try {
                if (sync) {
                    writing.force(true);
                }
            } finally {
                writing.close();
                writing = null;
            }
            file++;
            offset = 0;
        }
    }

    private void requireLoaded() throws IOException {
        if (label == null) {
            throw new IOException(describe() + ": no cartridge is loaded");
        }
    }

    private Path tapeFile(int n) {
        return cartridge.resolve(String.format("file-%05d.tar", n));
    }

    /** For tests: the file that holds tape file {@code n} of a cartridge. */
    static Path tapeFile(Path library, String label, int n) {
        return library.resolve(label).resolve(String.format("file-%05d.tar", n));
    }
}
