package io.backbench.imaging.api;

import java.util.List;

/**
 * What {@link DiskImages#verify} or {@link DiskImages#verifyTarget} found.
 *
 * @param chunks        chunks in the image
 * @param blobsChecked  distinct chunks loaded from the repository and hashed again
 * @param comparedBytes used bytes of a target compared with the image (0 when no target)
 * @param fsChecks      the filesystem checkers run on the target, if asked
 * @param problems      every difference or damage found, each saying where; empty when all is well
 */
public record VerifyReport(long chunks, long blobsChecked, long comparedBytes, List<FsCheck> fsChecks,
        List<String> problems) {

    public VerifyReport {
        fsChecks = List.copyOf(fsChecks);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty() && fsChecks.stream().allMatch(FsCheck::ok);
    }

    /**
     * One filesystem checker run read-only on a restored partition.
     *
     * @param partition  partition number, 0 for a filesystem on the whole target
     * @param filesystem its type (ext4, vfat, ntfs, ...)
     * @param command    the command line run
     * @param exitCode   its exit code
     * @param output     its output (stdout and stderr)
     * @param ok         whether the checker found the filesystem clean
     */
    public record FsCheck(int partition, String filesystem, String command, int exitCode, String output, boolean ok) {
    }
}
