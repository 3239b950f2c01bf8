package io.backbench.target.disk.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Locale;

import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFullException;
import io.backbench.target.api.io.IoErrors;

/** Turns the file system's IOExceptions into TargetExceptions that name the path and say what to do. */
final class DiskErrors {
    private DiskErrors() {
    }

    static TargetException full(String target, String doing, Path path, IOException cause) {
        return new TargetFullException(target + " is full: no space left on the device while " + doing + " (" + path
                + "). Nothing of that object was kept. Free space on that disk (for example by applying a retention"
                + " policy) or choose a folder on a bigger disk, then run again.", cause);
    }

    /**
     * The TargetException for an I/O failure while {@code doing} something (e.g. "writing 'data/ab'")
     * at {@code path}. Local disk failures are not retryable: repeating the call will not free space,
     * grant permissions or mend a file system.
     */
    static TargetException translate(String target, String doing, Path path, IOException e) {
        if (e instanceof TargetException te) {
            return te;
        }
        if (IoErrors.isNoSpace(e)) {
            return full(target, doing, path, e);
        }
        String reason = IoErrors.reason(e);
        String lower = reason.toLowerCase(Locale.ROOT);
        String advice;
        if (e instanceof AccessDeniedException || lower.contains("permission denied")
                || lower.contains("operation not permitted")) {
            advice = "permission denied: give the user running Backbench (" + System.getProperty("user.name")
                    + ") access to that folder, or choose another folder";
        } else if (lower.contains("read-only file system")) {
            advice = "the file system is read-only: remount it read-write or choose another folder";
        } else if (lower.contains("not a directory") || e instanceof FileAlreadyExistsException) {
            advice = "a file stands where a folder is needed; move that file away or choose another folder";
        } else if (e instanceof DirectoryNotEmptyException || lower.contains("is a directory")) {
            advice = "a folder of other objects stands where the object's file is needed: on a disk target a key"
                    + " cannot be both an object and the start of other keys";
        } else {
            advice = reason + "; check the disk and its file system (dmesg, fsck)";
        }
        return TargetException.permanentFailure(target + ": " + doing + " failed at " + path + ": " + advice, e);
    }
}
