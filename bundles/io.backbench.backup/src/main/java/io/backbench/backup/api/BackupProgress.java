package io.backbench.backup.api;

import java.time.Duration;

/**
 * Where a running backup is. The totals grow while the scan runs ({@code scanDone} false); the ETA
 * is known only once the scan is done and some bytes were processed.
 *
 * @param filesDone      files finished (read, or found unchanged)
 * @param filesTotal     files found so far by the scan
 * @param bytesDone      bytes of those files finished
 * @param bytesTotal     bytes found so far by the scan
 * @param bytesRead      bytes actually read from disk (unchanged files are not read)
 * @param bytesNew       bytes of new data blobs stored (before compression)
 * @param bytesPerSecond bytes done per second since the start
 * @param eta            estimated time left, or null if unknown
 * @param scanDone       whether the totals are final
 * @param current        a file being read now, or null
 * @param elapsed        time since the start
 */
public record BackupProgress(long filesDone, long filesTotal, long bytesDone, long bytesTotal, long bytesRead,
        long bytesNew, double bytesPerSecond, Duration eta, boolean scanDone, String current, Duration elapsed) {
}
