package io.backbench.backup.api;

import java.util.List;

/**
 * The outcome of a restore.
 *
 * @param files        regular files written
 * @param dirs         folders created or updated
 * @param others       symlinks, hard links, devices and FIFOs created
 * @param skipped      existing files left alone by the {@link ExistingFiles} policy
 * @param bytesWritten bytes of file content restored (holes of sparse files included)
 * @param verified     files read back and found equal to the snapshot (0 without verify)
 * @param errors       what could not be restored or failed verification ("path: reason", or a reason that
 *                     names the folder it is about, such as a full file system that stopped the restore)
 * @param targetFull   the restore stopped because the target's file system ran full (one of the errors
 *                     says where and how much space it needs): what was not restored says nothing of the
 *                     snapshot
 */
public record RestoreResult(long files, long dirs, long others, long skipped, long bytesWritten, long verified,
        List<String> errors, boolean targetFull) {

    public RestoreResult {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
