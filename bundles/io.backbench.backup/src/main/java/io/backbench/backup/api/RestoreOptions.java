package io.backbench.backup.api;

import java.nio.file.Path;
import java.util.List;

/**
 * Where and what to restore.
 *
 * @param target        the folder the snapshot's tree is recreated in (restic's {@code --target}); {@code /}
 *                      restores to the original place
 * @param includes      if not empty, only these snapshot paths (absolute, as {@code ls} shows them, or
 *                      glob patterns) and what lies below them are restored, with the folders leading there
 * @param existing      what to do with files that exist already
 * @param verify        read every restored file back and check it against the snapshot
 * @param restoreOwners set owner and group (needs root; when false the files belong to the restoring user)
 * @param sparse        leave holes where a file has all-zero chunks instead of writing the zeros
 * @param threads       threads writing files; 0 for the number of processors
 */
public record RestoreOptions(Path target, List<String> includes, ExistingFiles existing, boolean verify,
        boolean restoreOwners, boolean sparse, int threads) {

    public RestoreOptions {
        if (target == null) {
            throw new IllegalArgumentException("a restore needs a target folder");
        }
        includes = includes == null ? List.of() : List.copyOf(includes);
        if (existing == null) {
            existing = ExistingFiles.OVERWRITE;
        }
    }

    /** Everything into {@code target}, overwriting, owners restored when running as root, sparse, no verify. */
    public static RestoreOptions to(Path target) {
        return new RestoreOptions(target, List.of(), ExistingFiles.OVERWRITE, false, isRoot(), true, 0);
    }

    public RestoreOptions withIncludes(List<String> v) {
        return new RestoreOptions(target, v, existing, verify, restoreOwners, sparse, threads);
    }

    public RestoreOptions withExisting(ExistingFiles v) {
        return new RestoreOptions(target, includes, v, verify, restoreOwners, sparse, threads);
    }

    public RestoreOptions withVerify(boolean v) {
        return new RestoreOptions(target, includes, existing, v, restoreOwners, sparse, threads);
    }

    public RestoreOptions withRestoreOwners(boolean v) {
        return new RestoreOptions(target, includes, existing, verify, v, sparse, threads);
    }

    public RestoreOptions withSparse(boolean v) {
        return new RestoreOptions(target, includes, existing, verify, restoreOwners, v, threads);
    }

    public RestoreOptions withThreads(int v) {
        return new RestoreOptions(target, includes, existing, verify, restoreOwners, sparse, v);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
