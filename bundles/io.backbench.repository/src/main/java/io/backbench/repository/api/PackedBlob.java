package io.backbench.repository.api;

/**
 * Where a blob lives: in pack {@code pack} at {@code offset}, {@code length} bytes encrypted (and
 * perhaps compressed). {@code uncompressedLength} is 0 for a blob stored uncompressed.
 */
public record PackedBlob(Id id, BlobType type, Id pack, long offset, int length, int uncompressedLength) {

    /** The plaintext length: what {@link Repository#loadBlob} returns. */
    public int plaintextLength() {
        return uncompressedLength != 0 ? uncompressedLength : length - 32;
    }

    public boolean compressed() {
        return uncompressedLength != 0;
    }
}
