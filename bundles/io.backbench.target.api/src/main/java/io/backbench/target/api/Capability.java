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
    PERSISTENT,
    /**
     * Every client of the storage this target opens lists an object as soon as its put returns and
     * no longer lists it once its delete returns: a folder on a local filesystem (for the processes
     * of this host), a strongly consistent store. The repository then checks for conflicting lock
     * files right after writing its own; without it, it first waits 200 ms as restic does, for
     * stores whose listings lag behind writes. The conformance kit holds every target to this within
     * one handle; across processes and hosts it is the target's promise (a folder on NFS, whose
     * clients cache listings, must not make it; nor can a local folder that other hosts also reach
     * over a network share).
     */
    CONSISTENT_LISTING
}
