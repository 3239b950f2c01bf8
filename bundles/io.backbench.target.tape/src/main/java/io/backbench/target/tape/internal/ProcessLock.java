package io.backbench.target.tape.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.backbench.target.api.TargetException;

/**
 * The OS lock on {@code <catalog>/drive.lock} that keeps a tape library to one Backbench process
 * at a time (a workbench and a CLI job, two CLI processes): the first takes it and writes its pid
 * into the file, a second fails at once naming that pid. The OS drops the lock when a process dies,
 * so a crash leaves no stale lock behind.
 */
final class ProcessLock {
    static final String FILE = "drive.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private ProcessLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of the library whose catalog is in {@code catalogFolder}, or fails (retryable) when another process has it. */
    static ProcessLock take(Path catalogFolder, String what) throws TargetException {
        Path file = catalogFolder.resolve(FILE);
        FileChannel ch = null;
        try {
            Files.createDirectories(catalogFolder);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                // this process holds it through another drive name that shares the catalog folder
                throw TargetException.transientFailure("the tape drive/library " + what + " is in use by another job of"
                        + " this Backbench process (its catalog folder " + catalogFolder + " is open); wait for that job"
                        + " to finish", e);
            }
            if (l == null) {
                String pid = holder(ch);
                throw TargetException.transientFailure("the tape drive/library " + what + " is in use by another Backbench"
                        + " process" + (pid.isEmpty() ? "" : " (pid " + pid + ")") + "; wait for its job to finish", null);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(false);
            return new ProcessLock(ch, l);
        } catch (TargetException e) {
            closeQuietly(ch);
            throw e;
        } catch (IOException e) {
            closeQuietly(ch);
            throw TargetException.permanentFailure("cannot lock the tape library " + what + " with " + file + ": "
                    + e.getMessage() + "; check that the catalog folder is writable", e);
        }
    }

    /** The pid the holder wrote, or empty when it has not yet (or the file says something else). */
    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(32);
        ch.read(b, 0);
        String text = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
        return text.matches("\\d{1,19}") ? text : "";
    }

    void release() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // the failure being reported matters more
            }
        }
    }
}
