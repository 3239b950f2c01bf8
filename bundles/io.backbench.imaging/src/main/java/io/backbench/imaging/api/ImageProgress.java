package io.backbench.imaging.api;

/**
 * Progress of a long imaging operation, for a progress line or a job. Called on the thread that
 * runs the operation; return quickly.
 */
public interface ImageProgress {
    ImageProgress NONE = new ImageProgress() {
    };

    /**
     * @param phase what is being done: "analyse", "image", "restore", "export", "verify", "compare", "fsck"
     * @param done  bytes of the device done so far in this phase
     * @param total bytes in this phase
     */
    default void update(String phase, long done, long total) {
    }

    /** A warning for the user (also returned in the result). */
    default void warning(String message) {
    }

    /** Polled between chunks; true stops the operation with a {@link java.util.concurrent.CancellationException}. */
    default boolean cancelled() {
        return false;
    }
}
