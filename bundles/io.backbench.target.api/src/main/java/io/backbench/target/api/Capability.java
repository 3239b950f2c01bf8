package io.backbench.target.api;

/** What a {@link StorageTarget} can do, so the repository can choose how to use it. */
public enum Capability {
    /** Ranged reads are cheap (disk, object stores). Without it, read whole objects in order. */
    RANDOM_ACCESS,
    /** Several threads may transfer at once and gain from it. Without it the target serialises. */
    CONCURRENT_ACCESS,
    /** Objects can be deleted. Tape and append-only stores lack it until a volume is recycled. */
    DELETE,
    /** An object, once written, cannot be replaced or deleted (object lock, WORM media). */
    WRITE_ONCE,
    /** Data survives the process (everything but the in-memory target). */
    PERSISTENT
}
