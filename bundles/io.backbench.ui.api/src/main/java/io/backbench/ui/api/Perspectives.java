package io.backbench.ui.api;

/**
 * The ids of the perspectives the workbench always has. A {@link ViewContribution} names these
 * in {@link ViewContribution#perspectives()}; a bundle may add more with a
 * {@link PerspectiveContribution}.
 */
public final class Perspectives {

    /** Jobs, progress, logs and reports: what is happening now and what happened. */
    public static final String MONITOR = "monitor";

    /** Disks, partitions, file systems and tape drives that can be backed up. */
    public static final String DEVICES = "devices";

    /** Backup repositories, their snapshots and restores. */
    public static final String BACKUPS = "backups";

    /** Storage target types and configured targets. */
    public static final String TARGETS = "targets";

    private Perspectives() {
    }
}
