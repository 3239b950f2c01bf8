package io.backbench.report.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/** Writes an export so that a failure (full disk, no permission) leaves any earlier file as it was. */
public final class ReportFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReportFiles() {
    }

    /**
     * Writes {@code text} as UTF-8 to a temporary file beside {@code file}, then moves it over {@code file}.
     * A new file gets the mode the umask gives; a replaced file keeps its mode.
     *
     * @throws IOException with a message naming the file and what to do
     */
    public static void write(Path file, String text) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + abs + ": the folder " + dir + " does not exist; create it or choose another file");
        }
        if (Files.isDirectory(abs)) {
            throw new IOException("cannot write " + abs + ": it is a folder; give a file name");
        }
        // not Files.createTempFile: its mode 0600 would end up on the report, which a web server or a
        // colleague then could not read
        Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        boolean created = false;
        try {
            Files.createFile(tmp);
            created = true;
            keepPermissions(abs, tmp);
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (created) {
                Files.deleteIfExists(tmp);
            }
            throw new IOException("cannot write " + abs + ": " + e.getMessage() + "; check the folder's free space and permissions", e);
        }
    }

    /** Gives the new file the mode of the file it replaces, where the file system has POSIX modes. */
    private static void keepPermissions(Path replaced, Path tmp) throws IOException {
        if (Files.exists(replaced) && tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(replaced));
        }
    }
}
