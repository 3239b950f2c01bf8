package io.backbench.target.api.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/** What an {@link IOException} from the file system means, where the JDK gives no errno. */
public final class IoErrors {
    /** Below this much usable space a failed write is taken for a full file system. */
    private static final long NEARLY_FULL = 1 << 20;

    private IoErrors() {
    }

    /**
     * Whether {@code e} (or a cause) is ENOSPC or EDQUOT, however the JDK reported it: a plain
     * IOException on a write, a FileSystemException on a create. The text is the C library's, in
     * English under the C.UTF-8 locale the launcher falls back to.
     */
    public static boolean isNoSpace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = (t instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : "")
                    + " " + t.getMessage();
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.contains("no space left on device") || lower.contains("disk quota exceeded")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a write into folder {@code dir} failed with {@code e} because its file system is full:
     * {@link #isNoSpace} or, for a message in another language, less than 1 MiB usable there.
     */
    public static boolean isNoSpace(Throwable e, Path dir) {
        if (isNoSpace(e)) {
            return true;
        }
        try {
            return dir != null && Files.getFileStore(dir).getUsableSpace() < NEARLY_FULL;
        } catch (IOException | RuntimeException ignored) {
            return false;
        }
    }

    /**
     * The reason an IOException gives, without its class name. The JDK's own exceptions for a path
     * often carry no reason, only the path: those say what they mean in words.
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fse) {
            if (fse.getReason() != null) {
                return fse.getReason();
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (e instanceof NoSuchFileException) {
                return "no such file or folder";
            }
            if (e instanceof FileAlreadyExistsException) {
                return "something exists there already";
            }
            if (e instanceof NotDirectoryException) {
                return "not a folder";
            }
            return e.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
