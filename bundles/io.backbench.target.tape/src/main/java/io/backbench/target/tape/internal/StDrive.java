package io.backbench.target.tape.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A SCSI tape drive through the Linux st driver, at its non-rewinding device ({@code /dev/nst0}).
 * Positioning goes through {@code mt}; data moves with one read or write system call per block in
 * fixed-block mode. The device admits one opener, so our handle is closed before each mt command;
 * closing after writes makes the driver write the filemark (st.rst: "a filemark is written when
 * the device is closed after writing"). The early warning reaches a writer as ENOSPC: the block is
 * written again once (st allows writing on in the early-warning zone) and the warning reported; a
 * second ENOSPC is the end of the medium. A manual drive: it loads nothing by itself.
 */
final class StDrive implements TapeDrive {
    private final Path device;
    private final Mt mt;
    private FileChannel reading;
    private FileChannel writing;

    StDrive(Path device, Mt mt) {
        this.device = device;
        this.mt = mt;
    }

    @Override
    public String describe() {
        return device.toString();
    }

    @Override
    public List<String> magazine() {
        return List.of();
    }

    @Override
    public boolean load(String label) {
        return false;
    }

    @Override
    public Optional<String> loadedLabel() {
        return Optional.empty();
    }

    @Override
    public void rewind() throws IOException {
        op("rewind");
    }

    @Override
    public void setBlockSize(int bytes) throws IOException {
        op("setblk", bytes);
    }

    @Override
    public void skipFiles(int count) throws IOException {
        if (count > 0) {
            op("fsf", count);
        }
    }

    @Override
    public void skipBlocks(long count) throws IOException {
        if (count > 0) {
            op("fsr", count);
        }
    }

    @Override
    public void toEndOfData() throws IOException {
        op("eod");
    }

    @Override
    public int fileNumber() throws IOException {
        closeHandles();
        return mt.status().file();
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        closeWriting();
        if (reading == null) {
            reading = FileChannel.open(device, StandardOpenOption.READ);
        }
        try {
            // one read(2) per block; st returns 0 bytes at a filemark, which the channel reports as -1
            int n = reading.read(ByteBuffer.wrap(buffer));
            if (n > 0) {
                return n;
            }
        } catch (IOException e) {
            closeHandles();
            if (isBlockTooLarge(e)) {
                // st in variable-block mode: the block on tape is larger than the buffer (st.rst, ENOMEM)
                throw new BlockTooLargeException("a block on the tape in " + device + " is larger than "
                        + buffer.length + " bytes: " + e.getMessage(), e);
            }
            if (mt.status().endOfData()) {
                return -1;
            }
            throw new IOException("reading a block from " + device + " failed: " + e.getMessage(), e);
        }
        closeHandles();
        return mt.status().endOfData() ? -1 : 0;
    }

    @Override
    public boolean write(byte[] block) throws IOException {
        closeReading();
        if (writing == null) {
            writing = FileChannel.open(device, StandardOpenOption.WRITE);
        }
        try {
            writeOnce(block);
            return false;
        } catch (IOException e) {
            if (!isNoSpace(e)) {
                throw e;
            }
        }
        try {
            writeOnce(block);
            return true;
        } catch (IOException e) {
            if (isNoSpace(e)) {
                throw new EndOfMediumException("the tape in " + device + " is full (end of medium)");
            }
            throw e;
        }
    }

    private void writeOnce(byte[] block) throws IOException {
        int n = writing.write(ByteBuffer.wrap(block));
        if (n != block.length) {
            throw new IOException("No space left on device (short write of " + n + " of " + block.length + " bytes)");
        }
    }

    static boolean isBlockTooLarge(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("Cannot allocate memory");
    }

    private static boolean isNoSpace(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("No space left");
    }

    @Override
    public void writeFilemark() throws IOException {
        if (writing != null) {
            closeWriting();
        } else {
            op("weof", 1);
        }
    }

    @Override
    public OptionalLong remaining() {
        return OptionalLong.empty();
    }

    @Override
    public void close() throws IOException {
        closeHandles();
    }

    private void op(String op, long... count) throws IOException {
        closeHandles();
        mt.run(op, count);
    }

    private void closeHandles() throws IOException {
        closeReading();
        closeWriting();
    }

    private void closeReading() throws IOException {
        if (reading != null) {
            FileChannel r = reading;
            reading = null;
            r.close();
        }
    }

    private void closeWriting() throws IOException {
        if (writing != null) {
            FileChannel w = writing;
            writing = null;
            w.close();
        }
    }
}
