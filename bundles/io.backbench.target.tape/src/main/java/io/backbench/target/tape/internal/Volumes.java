package io.backbench.target.tape.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;

import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFullException;
import io.backbench.target.tape.api.VolumeOperator;
import io.backbench.target.tape.api.VolumeOperator.VolumeRequest;

/**
 * Which cartridge is in the drive, and getting the right one there: the next writable volume
 * (labelling a blank one, spanning to the next in the magazine, asking the operator when the
 * magazine is exhausted) or the volume a read needs. Called with the shared drive's monitor held
 * ({@link SharedDrive}).
 */
final class Volumes {
    private final TapeDrive drive;
    private final TapeCatalog catalog;
    private final String library;
    private final int blockSize;
    private final Supplier<Optional<VolumeOperator>> operator;
    private final Duration operatorTimeout;
    private String current;
    private boolean atEnd;

    Volumes(TapeDrive drive, TapeCatalog catalog, String library, int blockSize,
            Supplier<Optional<VolumeOperator>> operator, Duration operatorTimeout) {
        this.drive = drive;
        this.catalog = catalog;
        this.library = library;
        this.blockSize = blockSize;
        this.operator = operator;
        this.operatorTimeout = operatorTimeout;
    }

    /**
     * The bytes a freshly labelled volume still takes, when the drive knows its capacity: what an
     * object may need at most. Counts a label of the longest name, so it never overestimates.
     */
    java.util.OptionalLong usableOnBlankVolume() {
        java.util.OptionalLong capacity = drive.capacity();
        if (capacity.isEmpty()) {
            return capacity;
        }
        Label l = new Label("X".repeat(32), Integer.MAX_VALUE, blockSize, library, java.time.Instant.now());
        byte[] content = l.text();
        long label = ArchiveWriter.tapeBytes(Pax.fileHeaders(Label.MEMBER, content.length, l.written(), l.pax()).length,
                content.length, blockSize);
        return java.util.OptionalLong.of(Math.max(0, capacity.getAsLong() - label));
    }

    /** Something else moved the tape (a 'tape volumes' command): load and position afresh before the next use. */
    void forgetPosition() {
        current = null;
        atEnd = false;
    }

    /** The block size new volumes get. */
    int newVolumeBlockSize() {
        return blockSize;
    }

    static String checkLabel(String label) {
        if (label == null || !label.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("a volume label is 1 to 32 letters, digits, '-' or '_', not '" + label + "'");
        }
        return label;
    }

    /** The block size of a volume of this catalog. */
    int blockSize(String label) {
        TapeCatalog.Volume v = catalog.volumes().get(label);
        return v == null ? blockSize : v.blockSize();
    }

    /**
     * Makes the drive hold a writable volume positioned at its end of data; returns its label.
     * {@code declined} is the asking target's own record that its operator already said no (then
     * the operator is not asked again: the job is stopping); it is set when the operator says no.
     */
    String prepareForWriting(java.util.concurrent.atomic.AtomicBoolean declined) throws IOException {
        if (current != null && !catalog.volumes().get(current).full()) {
            if (!atEnd) {
                drive.setBlockSize(blockSize(current));
                drive.toEndOfData();
                atEnd = true;
            }
            return current;
        }
        current = null;
        java.util.List<String> unusable = new java.util.ArrayList<>();
        for (String label : drive.magazine()) {
            TapeCatalog.Volume v = catalog.volumes().get(label);
            if ((v == null || !v.full()) && drive.load(label) && tryForWriting(label, unusable)) {
                return current;
            }
        }
        if (drive.magazine().isEmpty() && tryForWriting(null, unusable)) {
            return current;
        }
        String full = lastFullVolume();
        Optional<VolumeOperator> op = declined.get() ? Optional.empty() : operator.get();
        if (op.isPresent()) {
            Optional<String> answer = op.get().requestVolume(new VolumeRequest(drive.describe(), Optional.empty(),
                    full == null ? "the backup needs a blank volume" : "volume " + full + " is full; the backup goes on on a blank volume"),
                    operatorTimeout);
            declined.set(answer.isEmpty());
            if (answer.isPresent()) {
                String label = checkLabel(answer.get());
                drive.load(label);
                if (useForWriting(label)) {
                    return current;
                }
                throw new TargetFullException("the volume loaded into " + drive.describe() + " as " + label
                        + " is neither blank nor a writable volume of library " + library
                        + "; load a blank volume and run the job again", null);
            }
        }
        String skipped = unusable.isEmpty() ? "" : " (not written to: " + String.join("; ", unusable) + ")";
        throw new TargetFullException((full == null
                ? "no volume to write to in " + drive.describe() + "; load a blank volume (or add one to the magazine) and run the job again"
                : "volume " + full + " is full; load a blank volume (or add one to the magazine) and run the job again") + skipped, null);
    }

    /** {@link #useForWriting}, noting a cartridge that holds something else than a Backbench volume instead of failing. */
    private boolean tryForWriting(String label, java.util.List<String> unusable) throws IOException {
        try {
            return useForWriting(label);
        } catch (TargetException e) {
            unusable.add((label == null ? "the cartridge in the drive" : "cartridge " + label) + " has no Backbench volume label");
            return false;
        }
    }

    /** Records that {@code label} takes no more tape files; the next write changes volumes. */
    void markFull(String label) throws IOException {
        catalog.markFull(label);
        if (label.equals(current)) {
            current = null;
        }
    }

    /** Makes the drive hold {@code label} for reading; the caller positions it. */
    void loadForReading(String label, String key) throws IOException {
        atEnd = false;
        if (label.equals(current)) {
            return;
        }
        current = null;
        if (drive.load(label) && matches(readLabel(), label)) {
            current = label;
            return;
        }
        if (drive.magazine().isEmpty() && matches(readLabel(), label)) {
            current = label;
            return;
        }
        Optional<VolumeOperator> op = operator.get();
        if (op.isPresent() && op.get().requestVolume(new VolumeRequest(drive.describe(), Optional.of(label),
                "reading " + key + " needs volume " + label), operatorTimeout).isPresent()) {
            drive.load(label);
            if (matches(readLabel(), label)) {
                current = label;
                return;
            }
        }
        throw TargetException.permanentFailure(key + " is on volume " + label + ", which is not in " + drive.describe()
                + "; load volume " + label + " and run the job again", null);
    }

    /** Reads the label of the loaded cartridge; empty for a blank one. Leaves the drive rewound-ish. */
    Optional<Label> readLabel() throws IOException {
        try {
            return labelOf(drive);
        } catch (NotALabelException e) {
            throw TargetException.permanentFailure("the cartridge in " + drive.describe() + " is not blank and has no"
                    + " Backbench volume label (" + e.getMessage() + "); it was not written to. Load a blank volume"
                    + " or one of library " + library, e);
        }
    }

    /** The cartridge holds something else than a Backbench volume (a drive that fails says so with another IOException). */
    static final class NotALabelException extends IOException {
        private static final long serialVersionUID = 1L;

        NotALabelException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The label of the cartridge in {@code drive}: empty when it is blank, a {@link NotALabelException}
     * when it holds something else (no label archive, or blocks larger than a label can be). Blank
     * means no data at all: a first tape file that is empty (a filemark at once) followed by more
     * data is someone else's tape, not a blank one.
     */
    static Optional<Label> labelOf(TapeDrive drive) throws IOException {
        drive.rewind();
        drive.setBlockSize(0);
        byte[] buf = new byte[Label.MAX_BLOCK];
        int n;
        try {
            n = drive.read(buf);
            if (n == 0 && drive.read(buf) >= 0) {
                throw new NotALabelException("its first tape file is empty and more data follows", null);
            }
        } catch (TapeDrive.BlockTooLargeException e) {
            throw new NotALabelException("its blocks are larger than " + Label.MAX_BLOCK + " bytes", e);
        }
        if (n <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Label.parse(new PaxReader(new ByteArrayInputStream(buf, 0, n))));
        } catch (IOException e) {
            throw new NotALabelException(e.getMessage(), e);
        }
    }

    private boolean matches(Optional<Label> l, String label) {
        return l.isPresent() && l.get().volume().equals(label) && l.get().library().equals(library);
    }

    /** Uses the loaded cartridge for writing if it is blank (labels it) or an open volume of ours. */
    private boolean useForWriting(String expected) throws IOException {
        Optional<Label> label = readLabel();
        if (label.isEmpty()) {
            writeLabel(expected != null ? expected : "VOL" + String.format("%03d", catalog.nextSequence()));
            return true;
        }
        Label l = label.get();
        if (!l.library().equals(library) || (expected != null && !l.volume().equals(expected))) {
            return false;
        }
        TapeCatalog.Volume v = catalog.volumes().get(l.volume());
        if (v != null && v.full()) {
            return false;
        }
        if (v == null) {
            catalog.addVolume(l.volume(), l.sequence(), l.blockSize());
        }
        drive.setBlockSize(l.blockSize());
        drive.toEndOfData();
        current = l.volume();
        atEnd = true;
        return true;
    }

    /**
     * Labels the blank cartridge in the drive as {@code name}, the library's next volume, and adds it
     * to the catalog; the drive is left at its end of data. The caller made sure it is blank.
     */
    Label writeLabel(String name) throws IOException {
        int seq = catalog.nextSequence();
        Label l = new Label(checkLabel(name), seq, blockSize, library, java.time.Instant.now());
        drive.rewind();
        drive.setBlockSize(blockSize);
        byte[] content = l.text();
        byte[] headers = Pax.fileHeaders(Label.MEMBER, content.length, l.written(), l.pax());
        ArchiveWriter.write(drive, blockSize, headers, new ByteArrayInputStream(content), content.length);
        catalog.addVolume(name, seq, blockSize);
        current = name;
        atEnd = true;
        return l;
    }

    private String lastFullVolume() {
        return catalog.volumes().values().stream().filter(TapeCatalog.Volume::full)
                .max(Comparator.comparingInt(TapeCatalog.Volume::sequence)).map(TapeCatalog.Volume::label).orElse(null);
    }
}
