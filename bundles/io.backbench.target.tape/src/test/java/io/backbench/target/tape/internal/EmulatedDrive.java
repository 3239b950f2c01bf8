package io.backbench.target.tape.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A virtual drive that behaves as real hardware does where the virtual one cannot: a manual drive
 * (one cartridge, put in by hand, which stays in when the device is closed; it loads nothing by
 * itself) and cartridges written by other software with blocks larger than any label, which st
 * refuses to read into a smaller buffer. No such drive or tape is available here; every other call
 * goes to the real {@link VirtualDrive}.
 */
final class EmulatedDrive implements TapeDrive {
    private final VirtualDrive inner;
    private final boolean manual;
    private final Set<String> oversizedBlocks;
    private String inserted;
    private int blockSize;

    private EmulatedDrive(VirtualDrive inner, boolean manual, Set<String> oversizedBlocks) {
        this.inner = inner;
        this.manual = manual;
        this.oversizedBlocks = oversizedBlocks;
    }

    /** A manual drive holding the cartridge {@code label} of the virtual library. */
    static EmulatedDrive manual(VirtualDrive library, String label) throws IOException {
        EmulatedDrive d = new EmulatedDrive(library, true, Set.of());
        d.insert(label);
        return d;
    }

    /** The virtual library, where the cartridges {@code labels} hold blocks larger than a label's. */
    static EmulatedDrive withOversizedBlocks(VirtualDrive library, Set<String> labels) {
        return new EmulatedDrive(library, false, labels);
    }

    /** The operator puts a cartridge into the manual drive. */
    void insert(String label) throws IOException {
        inner.load(label);
        inserted = label;
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public List<String> magazine() {
        return manual ? List.of() : inner.magazine();
    }

    @Override
    public List<String> scanOrder() throws IOException {
        return manual ? List.of() : inner.scanOrder();
    }

    @Override
    public boolean load(String label) throws IOException {
        return !manual && inner.load(label);
    }

    @Override
    public Optional<String> loadedLabel() {
        return manual ? Optional.empty() : inner.loadedLabel();
    }

    @Override
    public void rewind() throws IOException {
        inner.rewind();
    }

    @Override
    public void setBlockSize(int bytes) throws IOException {
        blockSize = bytes;
        inner.setBlockSize(bytes);
    }

    @Override
    public void skipFiles(int count) throws IOException {
        inner.skipFiles(count);
    }

    @Override
    public void skipBlocks(long count) throws IOException {
        inner.skipBlocks(count);
    }

    @Override
    public void toEndOfData() throws IOException {
        inner.toEndOfData();
    }

    @Override
    public int fileNumber() throws IOException {
        return inner.fileNumber();
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        if (blockSize == 0 && inner.loadedLabel().map(oversizedBlocks::contains).orElse(false)) {
            // what StDrive turns st's ENOMEM into
            throw new BlockTooLargeException("a block on the tape in " + describe() + " is larger than " + buffer.length
                    + " bytes: Cannot allocate memory", null);
        }
        return inner.read(buffer);
    }

    @Override
    public boolean write(byte[] block) throws IOException {
        return inner.write(block);
    }

    @Override
    public void writeFilemark() throws IOException {
        inner.writeFilemark();
    }

    @Override
    public OptionalLong remaining() {
        return inner.remaining();
    }

    @Override
    public OptionalLong capacity() {
        return inner.capacity();
    }

    @Override
    public void close() throws IOException {
        inner.close();
        if (manual && inserted != null) {
            // closing the device does not eject: the cartridge stays in the drive
            inner.load(inserted);
        }
    }
}
