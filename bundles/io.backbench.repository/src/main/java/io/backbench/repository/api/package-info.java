/**
 * Repositories in restic's format version 2 on any {@link io.backbench.target.api.StorageTarget}.
 *
 * <p>{@link io.backbench.repository.api.Repositories} initialises or opens one with a password;
 * a {@link io.backbench.repository.api.Repository} stores deduplicated, compressed, encrypted blobs
 * in packs, trees and snapshots, and reads what restic wrote. The file backup engine sits on top.
 * Version 0.x: the API may still change.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.backbench.repository.api;
