package io.backbench.backup.api;

/**
 * The listing of a backup's sources, started before the backup itself ({@link FileBackup#scan}).
 * A backup given it takes over its thread and what it listed; closing it stops a scan no backup took
 * (and does nothing to one that a backup did).
 */
public interface SourceScan extends AutoCloseable {
    @Override
    void close();
}
