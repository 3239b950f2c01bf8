package io.backbench.backup.api;

import java.time.Duration;
import java.util.List;

import io.backbench.repository.api.Id;

/**
 * The outcome of a backup that finished and saved a snapshot.
 *
 * @param snapshot       the new snapshot's id
 * @param parent         the snapshot compared with, or null
 * @param filesNew       files not in the parent
 * @param filesChanged   files in the parent that changed (and were read)
 * @param filesUnchanged files reused from the parent without reading them
 * @param dirs           folders
 * @param others         symlinks, devices, FIFOs and sockets
 * @param bytesTotal     the size of all files backed up
 * @param bytesRead      bytes read from disk
 * @param blobsNew       data blobs stored by this run (new chunks; trees not counted)
 * @param bytesNew       plaintext bytes of new data blobs
 * @param warnings       what could not be read ("path: reason"); empty when complete
 * @param elapsed        how long it took
 */
public record BackupResult(Id snapshot, Id parent, long filesNew, long filesChanged, long filesUnchanged, long dirs,
        long others, long bytesTotal, long bytesRead, long blobsNew, long bytesNew, List<String> warnings, Duration elapsed) {

    public BackupResult {
        warnings = List.copyOf(warnings);
    }

    /** Whether every selected file was read: false means the snapshot lacks the files in {@link #warnings}. */
    public boolean complete() {
        return warnings.isEmpty();
    }
}
