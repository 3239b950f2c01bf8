package io.backbench.target.tape.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.backbench.target.api.TargetException;
import io.backbench.target.tape.api.VolumeOperator;

/**
 * The one owner of a tape drive (or virtual library) in this process: its position, its loaded
 * cartridge and the catalog in memory, shared by every target opened on it (two jobs, a browse
 * during a backup) and reference counted; the last target to close closes the drive. Targets
 * serialise their tape work on this object's monitor. Across processes a {@link ProcessLock} on
 * the catalog folder keeps the library to one Backbench process while this one has it open.
 */
final class SharedDrive {
    // guarded by OPEN, which is taken before a drive's monitor and never while holding one
    private static final Map<String, SharedDrive> OPEN = new HashMap<>();
    private static final Set<String> COMMANDS = new HashSet<>();

    final TapeDrive drive;
    final Path catalogFolder;
    final String library;
    final TapeCatalog catalog;
    final Volumes volumes;
    final LockStore locks;
    final String describe;
    private final ProcessLock processLock;
    private int users;

    private SharedDrive(TapeDrive drive, Path catalogFolder, String library, TapeCatalog catalog, Volumes volumes,
            String describe, ProcessLock processLock) {
        this.drive = drive;
        this.catalogFolder = catalogFolder;
        this.library = library;
        this.catalog = catalog;
        this.volumes = volumes;
        this.describe = describe;
        this.locks = new LockStore(catalogFolder, describe);
        this.processLock = processLock;
    }

    static String describe(TapeDrive drive, String library) {
        return "tape:" + drive.describe() + " (library " + library + ")";
    }

    /**
     * The drive {@code drive} names, opened with its catalog (rebuilt from the volumes when missing)
     * if no target of this process has it yet, else the one already open; {@code drive} is then
     * not used. Fails (retryable) when another Backbench process has the library.
     */
    static SharedDrive acquire(TapeDrive drive, Path catalogFolder, String library, int blockSize,
            Supplier<Optional<VolumeOperator>> operator, Duration operatorTimeout) throws TargetException {
        String describe = describe(drive, library);
        synchronized (OPEN) {
            refuseCommand(drive.describe(), describe);
            SharedDrive open = OPEN.get(drive.describe());
            if (open != null) {
                if (!open.catalogFolder.equals(catalogFolder) || !open.library.equals(library)) {
                    throw TargetException.permanentFailure(drive.describe() + " is already open in this process as library "
                            + open.library + " with its catalog in " + open.catalogFolder + "; give every target of this"
                            + " drive the same library name and catalog folder", null);
                }
                open.users++;
                return open;
            }
            ProcessLock lock = ProcessLock.take(catalogFolder, describe);
            try {
                TapeCatalog catalog = openCatalog(drive, catalogFolder, library);
                Volumes volumes = new Volumes(drive, catalog, library, blockSize, operator, operatorTimeout);
                SharedDrive shared = new SharedDrive(drive, catalogFolder, library, catalog, volumes, describe, lock);
                shared.users = 1;
                OPEN.put(drive.describe(), shared);
                return shared;
            } catch (TargetException e) {
                releaseQuietly(lock, drive);
                throw e;
            } catch (IOException | RuntimeException e) {
                releaseQuietly(lock, drive);
                throw TargetException.permanentFailure("opening " + describe + " with its catalog in " + catalogFolder
                        + " failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The catalog, rebuilt from the volumes when it is missing. Not on a manual drive: it holds one
     * cartridge, and a catalog rebuilt from that one alone would give the next volume a sequence
     * number (and default label) another cartridge already has.
     */
    private static TapeCatalog openCatalog(TapeDrive drive, Path catalogFolder, String library) throws IOException {
        if (TapeCatalog.exists(catalogFolder)) {
            Scanner.forgetScannedVolumes(catalogFolder);
            return TapeCatalog.open(catalogFolder);
        }
        if (drive.scanOrder().isEmpty()) {
            throw TargetException.permanentFailure("the catalog of tape library " + library + " (" + catalogFolder.resolve(TapeCatalog.LOG)
                    + ") is missing, and " + drive.describe() + " is a manual drive that sees one cartridge at a time: a catalog"
                    + " rebuilt from it alone could give a new volume the label or sequence number of another cartridge. Run"
                    + " 'backbench tape scan LOCATION' with each cartridge of the library in the drive in turn (for a new"
                    + " library: once, with a blank cartridge), then run the job again", null);
        }
        return Scanner.rebuild(drive, catalogFolder, library);
    }

    /** One target is done with the drive; the last one closes it and lets other processes have the library. */
    void release() throws IOException {
        synchronized (OPEN) {
            if (--users > 0) {
                return;
            }
            OPEN.remove(drive.describe());
            try {
                synchronized (this) {
                    drive.close();
                }
            } finally {
                processLock.release();
            }
        }
    }

    /** Work on a library with its drive to itself. */
    interface Work<T> {
        T run() throws IOException;
    }

    /**
     * Runs a {@code backbench tape} command on {@code library} with the drive to itself: refused
     * (retryable) while another Backbench process has the library. While a target of this process
     * has it, a command that only reads ({@code readOnly}) waits for the drive between two of the
     * target's operations and makes the target position the tape afresh afterwards; one that writes
     * labels or the catalog is refused, as the target's catalog in memory would no longer be true.
     */
    static <T> T exclusive(TapeLibrary library, boolean readOnly, Work<T> work) throws IOException {
        String key = library.drive().describe();
        String describe = describe(library.drive(), library.name());
        ProcessLock lock;
        SharedDrive open;
        synchronized (OPEN) {
            refuseCommand(key, describe);
            open = OPEN.get(key);
            if (open != null && !readOnly) {
                throw TargetException.transientFailure("the tape drive/library " + describe + " is in use by a job of"
                        + " this Backbench process; wait for it to finish", null);
            }
            lock = open == null ? ProcessLock.take(library.catalog(), describe) : null;
            if (open != null) {
                open.users++;
            } else {
                COMMANDS.add(key);
            }
        }
        if (open != null) {
            try {
                synchronized (open) {
                    try {
                        return work.run();
                    } finally {
                        open.volumes.forgetPosition();
                    }
                }
            } finally {
                open.release();
            }
        }
        try {
            return work.run();
        } finally {
            synchronized (OPEN) {
                COMMANDS.remove(key);
                lock.release();
            }
        }
    }

    private static void refuseCommand(String key, String describe) throws TargetException {
        if (COMMANDS.contains(key)) {
            throw TargetException.transientFailure("the tape drive/library " + describe + " is in use by a"
                    + " 'backbench tape' command of this process; wait for it to finish", null);
        }
    }

    private static void releaseQuietly(ProcessLock lock, TapeDrive drive) {
        try {
            drive.close();
        } catch (IOException ignored) {
            // the failure to open is what the caller needs to see
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // the OS drops the lock with the channel at the latest
        }
    }
}
