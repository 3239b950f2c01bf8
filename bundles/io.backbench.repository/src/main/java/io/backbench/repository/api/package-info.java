/**
 * Repositories in restic's format version 2 on any {@link io.backbench.target.api.StorageTarget}.
 *
 * <p>{@link io.backbench.repository.api.Repositories} initialises or opens one with a password;
 * a {@link io.backbench.repository.api.Repository} stores deduplicated, compressed, encrypted blobs
 * in packs, trees and snapshots, and reads what restic wrote. The file backup engine sits on top.
 * {@link io.backbench.repository.api.RepositoryOperations} has the maintenance and browsing commands:
 * check, forget, prune, stats, diff, find, index rebuild, unlock.
 * Version 0.x: the API may still change.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.9.0")
package io.backbench.repository.api;
