/**
 * The file backup engine: {@link io.backbench.backup.api.FileBackup} backs up files and folders into a
 * {@link io.backbench.repository.api.Repository} as restic does (same tree layout and metadata, so
 * restic restores it), reading only files that changed since the parent snapshot;
 * {@link io.backbench.backup.api.FileRestore} restores a snapshot, or parts of one, with its metadata.
 * Version 0.x: the API may still change.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.5.0")
package io.backbench.backup.api;
