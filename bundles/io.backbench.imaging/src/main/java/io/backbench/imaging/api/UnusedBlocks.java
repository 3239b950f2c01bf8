package io.backbench.imaging.api;

/** What a restore writes where the image holds blocks that no filesystem uses. */
public enum UnusedBlocks {
    /** Zeros (a new target file gets holes, so nothing is written). */
    ZERO,
    /** Nothing: the target keeps what it had there (faster on a device). */
    LEAVE
}
