package io.backbench.target.tape.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A tape drive as the st driver presents one: a sequence of tape files separated by filemarks,
 * each a sequence of fixed-size blocks, read and written at the current position. Writing
 * anywhere ends the data there (what followed is lost), so the target writes only at the end of
 * data. Not thread-safe: the targets of one drive serialise every call on their {@link SharedDrive}
 * (a drive is one head on one tape).
 */
interface TapeDrive extends Closeable {

    /** The drive for messages: {@code /dev/nst0}, {@code virtual:/srv/tapes}. */
    String describe();

    /** The cartridges this drive loads by itself, in order (a virtual magazine); empty for a manual drive. */
    List<String> magazine();

    /** The cartridges a scan reads when the catalog is lost, in order; a manual drive reads the one it holds. */
    default List<String> scanOrder() throws IOException {
        return magazine();
    }

    /**
     * Loads the cartridge labelled {@code label} if the drive can do that by itself (a virtual
     * library, an autoloader) and rewinds it; false if it cannot (a manual drive: ask the operator).
     */
    boolean load(String label) throws IOException;

    /** The label of the cartridge last loaded with {@link #load}, or empty if the drive does not know. */
    Optional<String> loadedLabel();

    void rewind() throws IOException;

    /** Fixed-block mode with this block size, or variable-block mode for 0 (to read a label of unknown size). */
    void setBlockSize(int bytes) throws IOException;

    /** Spaces forward over {@code count} filemarks (mt fsf), to the start of a later tape file. */
    void skipFiles(int count) throws IOException;

    /** Spaces forward over {@code count} blocks within the tape file (mt fsr). */
    void skipBlocks(long count) throws IOException;

    /** Moves to the end of recorded data, where the next tape file is written (mt eod). */
    void toEndOfData() throws IOException;

    /** The number of the tape file at the current position, 0 for the first. */
    int fileNumber() throws IOException;

    /**
     * Reads one block into {@code buffer}: its length (the block size in fixed mode), 0 at a
     * filemark (the position moves past it), -1 at the end of recorded data or on a blank tape.
     */
    int read(byte[] buffer) throws IOException;

    /**
     * Writes one whole block.
     *
     * @return true if the medium is past its early-warning point: finish the tape file and change volumes
     * @throws EndOfMediumException if the block could not be written because the medium is full
     */
    boolean write(byte[] block) throws IOException;

    /** Ends the tape file being written with a filemark (and makes it durable). */
    void writeFilemark() throws IOException;

    /** Bytes that still fit on the loaded medium, when the drive knows (virtual cartridges). */
    OptionalLong remaining();

    /** Bytes an empty cartridge holds, when the drive knows (virtual cartridges); a real drive does not say. */
    default OptionalLong capacity() {
        return OptionalLong.empty();
    }

    /**
     * A block on the tape is larger than the read buffer (st answers ENOMEM in variable-block mode):
     * the cartridge was written by something else, with blocks larger than any Backbench label.
     */
    final class BlockTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BlockTooLargeException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The medium is full: a block was not written. */
    final class EndOfMediumException extends IOException {
        private static final long serialVersionUID = 1L;

        EndOfMediumException(String message) {
            super(message);
        }
    }
}
