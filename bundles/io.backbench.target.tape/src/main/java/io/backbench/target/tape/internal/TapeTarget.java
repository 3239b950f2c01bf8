package io.backbench.target.tape.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.backbench.target.api.Capability;
import io.backbench.target.api.Keys;
import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.ObjectNotFoundException;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFullException;
import io.backbench.target.tape.api.VolumeOperator;

/**
 * A repository on tape. Every object is one tape file (a pax archive of one member named after its
 * key, so extracting every tape file in order with tar rebuilds the repository's folder); the
 * catalog says where each one is. Overwriting appends a newer copy; deleting is a catalog entry and
 * a "deleted keys" tape file (see {@link TapeCatalog}); space comes back only when volumes are
 * recycled, hence no {@link Capability#DELETE}. Locks stay in the catalog folder ({@link LockStore}).
 *
 * <p>One drive, one head: every target of this process on a drive shares one {@link SharedDrive}
 * and holds its monitor for the whole tape work of an operation; reads hand back the bytes already
 * read, so a slow reader never holds the drive. Lock objects never wait for the drive: a restic
 * lock refresh must not go stale behind a tape change or an operator prompt.
 */
final class TapeTarget implements StorageTarget {
    private final SharedDrive shared;
    private final TapeDrive drive;
    private final TapeCatalog catalog;
    private final Volumes volumes;
    private final LockStore locks;
    private final Path spool;
    private final String describe;
    // read without the drive's monitor by the lock operations
    private volatile boolean closed;
    /**
     * This target's operator said no to a blank volume: its job is stopping, so later writes fail at
     * once instead of asking again. Cleared by the first lock of a new job and by a successful write.
     * Per target, not per drive: another user of the drive asks for itself.
     */
    private final java.util.concurrent.atomic.AtomicBoolean operatorDeclined = new java.util.concurrent.atomic.AtomicBoolean();

    private TapeTarget(SharedDrive shared) {
        this.shared = shared;
        this.drive = shared.drive;
        this.catalog = shared.catalog;
        this.volumes = shared.volumes;
        this.locks = shared.locks;
        this.spool = shared.catalogFolder.resolve("spool");
        this.describe = shared.describe;
    }

    /**
     * Opens a target on the drive: the drive this process already has open under that name (then
     * {@code drive} is not used), else {@code drive} with the catalog in {@code catalogFolder},
     * rebuilt from the volumes first if it is missing.
     */
    static TapeTarget open(TapeDrive drive, Path catalogFolder, String library, int blockSize,
            Supplier<Optional<VolumeOperator>> operator, Duration operatorTimeout) throws TargetException {
        return new TapeTarget(SharedDrive.acquire(drive, catalogFolder, library, blockSize, operator, operatorTimeout));
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.PERSISTENT);
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public void put(String key, InputStream data, long length) throws TargetException {
        Keys.check(key);
        try (Spool s = Spool.read(key, data, length, spool)) {
            requireOpen();
            if (LockStore.isLock(key)) {
                if (locks.isEmpty()) {
                    // the first lock of a job: a new job may ask the operator again
                    operatorDeclined.set(false);
                }
                locks.put(key, s);
                return;
            }
            synchronized (shared) {
                requireOpen();
                flushDeletes();
                Instant now = Instant.now();
                byte[] headers = Pax.fileHeaders(key, s.size(), now, Map.of(Pax.TYPE, "object", Pax.KEY, key));
                Placed at = append(key, headers, s);
                catalog.put(key, new TapeCatalog.Location(at.volume(), at.file(), headers.length, s.size(), now));
                // a volume took the write: whatever the operator said before no longer holds
                operatorDeclined.set(false);
            }
        } catch (TargetException e) {
            throw e;
        } catch (IOException e) {
            throw failure("writing " + key, e);
        }
    }

    private record Placed(String volume, int file) {
    }

    /**
     * Appends one tape file, changing volumes when the medium reaches its early warning or its end
     * (a file cut by the end is written again, whole, on the next volume).
     */
    private Placed append(String what, byte[] headers, Spool data) throws IOException {
        OptionalLong usable = volumes.usableOnBlankVolume();
        if (usable.isPresent()
                && ArchiveWriter.tapeBytes(headers.length, data.size(), volumes.newVolumeBlockSize()) > usable.getAsLong()) {
            // checked first: otherwise every cartridge of the magazine would be labelled and marked full in turn
            throw TargetException.permanentFailure(what + ": " + data.size() + " bytes is larger than one volume (capacity "
                    + drive.capacity().getAsLong() + " bytes); use larger cartridges or a smaller pack size", null);
        }
        for (int attempt = 0; attempt < 1000; attempt++) {
            String volume = volumes.prepareForWriting(operatorDeclined);
            int bs = volumes.blockSize(volume);
            if (drive.remaining().isPresent()
                    && ArchiveWriter.tapeBytes(headers.length, data.size(), bs) > drive.remaining().getAsLong()) {
                volumes.markFull(volume);
                continue;
            }
            int file = drive.fileNumber();
            boolean earlyWarning;
            try (InputStream in = data.open()) {
                earlyWarning = ArchiveWriter.write(drive, bs, headers, in, data.size());
            } catch (TapeDrive.EndOfMediumException e) {
                volumes.markFull(volume);
                continue;
            }
            if (earlyWarning) {
                volumes.markFull(volume);
            }
            return new Placed(volume, file);
        }
        throw new TargetFullException(what + " (" + data.size() + " bytes) fits on none of the volumes offered", null);
    }

    /** Writes the deletes recorded since the last time as one "deleted keys" tape file. */
    private void flushDeletes() throws IOException {
        List<String> pending = catalog.pendingDeletes();
        if (pending.isEmpty()) {
            return;
        }
        byte[] text = (String.join("\n", pending) + "\n").getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();
        byte[] headers = Pax.fileHeaders("BACKBENCH-DELETED-" + now.toEpochMilli() + ".txt", text.length, now,
                Map.of(Pax.TYPE, "deleted"));
        append("the list of deleted keys", headers, Spool.of(text));
        catalog.deletesWrittenToTape();
    }

    @Override
    public InputStream get(String key, long offset, long length) throws TargetException {
        Keys.check(key);
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
        requireOpen();
        if (LockStore.isLock(key)) {
            return locks.get(key, offset, length);
        }
        synchronized (shared) {
            requireOpen();
            TapeCatalog.Location at = catalog.objects().get(key);
            if (at == null) {
                throw new ObjectNotFoundException(describe, key);
            }
            long from = Math.min(offset, at.size());
            long n = length < 0 ? at.size() - from : Math.min(length, at.size() - from);
            try {
                return read(key, at, from, n);
            } catch (TargetException e) {
                throw e;
            } catch (IOException e) {
                throw failure("reading " + key + " from volume " + at.volume() + ", tape file " + at.file(), e);
            }
        }
    }

    private InputStream read(String key, TapeCatalog.Location at, long from, long n) throws IOException {
        if (n == 0) {
            return new ByteArrayInputStream(new byte[0]);
        }
        volumes.loadForReading(at.volume(), key);
        int bs = volumes.blockSize(at.volume());
        long start = at.offset() + from;
        drive.rewind();
        drive.setBlockSize(bs);
        drive.skipFiles(at.file());
        drive.skipBlocks(start / bs);
        TapeFileInput in = new TapeFileInput(drive, bs);
        in.skipNBytes(start % bs);
        if (n <= Spool.IN_MEMORY) {
            byte[] b = in.readNBytes((int) n);
            if (b.length != n) {
                throw new IOException("the tape file ends " + (n - b.length) + " bytes early");
            }
            return new ByteArrayInputStream(b);
        }
        Files.createDirectories(spool);
        Path file = Files.createTempFile(spool, "get-", ".spool");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buf = new byte[bs];
                long left = n;
                while (left > 0) {
                    int k = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (k < 0) {
                        throw new IOException("the tape file ends " + left + " bytes early");
                    }
                    out.write(buf, 0, k);
                    left -= k;
                }
            }
            // deleted at once: the open stream keeps the data readable until the caller closes it
            InputStream open = Files.newInputStream(file);
            Files.delete(file);
            return open;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** For tests: where the catalog places an object. */
    TapeCatalog.Location catalogLocation(String key) {
        synchronized (shared) {
            return catalog.objects().get(key);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws TargetException {
        Keys.check(key);
        requireOpen();
        if (LockStore.isLock(key)) {
            return locks.stat(key);
        }
        synchronized (shared) {
            TapeCatalog.Location at = catalog.objects().get(key);
            return at == null ? Optional.empty() : Optional.of(new ObjectInfo(key, at.size(), at.modified()));
        }
    }

    @Override
    public void list(String prefix, Consumer<ObjectInfo> consumer) throws TargetException {
        Keys.checkPrefix(prefix);
        requireOpen();
        if (LockStore.isLock(prefix)) {
            // only locks there, and they never wait for the drive
            locks.list(prefix, consumer);
            return;
        }
        List<ObjectInfo> found;
        synchronized (shared) {
            found = catalog.objects().subMap(prefix, true, prefix + Character.MAX_VALUE, false).entrySet().stream()
                    .map(e -> new ObjectInfo(e.getKey(), e.getValue().size(), e.getValue().modified())).toList();
        }
        // the consumer runs outside the lock: it may call back into the target
        found.forEach(consumer);
        locks.list(prefix, consumer);
    }

    @Override
    public boolean delete(String key) throws TargetException {
        Keys.check(key);
        requireOpen();
        if (LockStore.isLock(key)) {
            // the operator's "no" outlives the job's last lock: the repository still writes its index
            // after unlocking, and that write must fail at once instead of asking again
            return locks.delete(key);
        }
        synchronized (shared) {
            if (!catalog.objects().containsKey(key)) {
                return false;
            }
            try {
                catalog.delete(key);
            } catch (IOException e) {
                throw failure("recording the delete of " + key, e);
            }
            return true;
        }
    }

    @Override
    public void close() throws TargetException {
        IOException flushFailed = null;
        synchronized (shared) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                flushDeletes();
            } catch (IOException e) {
                flushFailed = e;
            }
        }
        try {
            shared.release();
        } catch (IOException e) {
            if (flushFailed == null) {
                throw failure("closing the drive", e);
            }
            flushFailed.addSuppressed(e);
        }
        if (flushFailed != null) {
            throw failure("writing the deleted keys to tape at close (they stay recorded in the catalog)", flushFailed);
        }
    }

    private void requireOpen() throws TargetException {
        if (closed) {
            throw TargetException.permanentFailure(describe + " is closed", null);
        }
    }

    private TargetException failure(String what, IOException e) {
        if (e instanceof TargetException t) {
            return t;
        }
        return TargetException.permanentFailure(what + " on " + describe + " failed: " + e.getMessage(), e);
    }

}
