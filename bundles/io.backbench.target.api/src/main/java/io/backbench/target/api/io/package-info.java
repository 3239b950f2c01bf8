/**
 * File reads and writes around the page cache (O_DIRECT), for data that is read or written once: a
 * disk image, the files of a backup, the packs of a restore. Used by the disk target, the backup
 * engine and imaging. {@link io.backbench.target.api.io.IoErrors} tells a full file system from
 * other write failures.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.backbench.target.api.io;
