package io.backbench.imaging.api;

/** What imaging does when a filesystem on the source is mounted writable. */
public enum MountedPolicy {
    /** Refuse, naming the mount points (the default): a live filesystem changes while it is read. */
    REFUSE,
    /** Image anyway and warn: the image may be inconsistent. */
    WARN,
    /** Freeze each writable mount with {@code fsfreeze} while imaging, then thaw it. */
    FREEZE
}
