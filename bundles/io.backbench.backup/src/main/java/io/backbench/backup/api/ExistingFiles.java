package io.backbench.backup.api;

/** What a restore does when a file it would write already exists. */
public enum ExistingFiles {
    /** Leave the existing file as it is. */
    SKIP,
    /** Replace it with the snapshot's version. */
    OVERWRITE,
    /** Replace it only if the snapshot's version has a later modification time. */
    IF_NEWER
}
