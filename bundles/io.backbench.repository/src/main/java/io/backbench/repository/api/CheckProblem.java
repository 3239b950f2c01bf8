package io.backbench.repository.api;

import java.util.List;

/**
 * One finding of {@link RepositoryOperations#check}.
 *
 * @param kind     what is wrong
 * @param message  a sentence for people, naming the objects involved
 * @param pack     the pack concerned, or null
 * @param blob     the blob concerned, or null
 * @param snapshot the snapshot concerned (for tree problems), or null
 * @param files    the snapshot paths whose content is affected, as {@code <snapshot short id>:<path>}; never null
 */
public record CheckProblem(Kind kind, String message, Id pack, Id blob, Id snapshot, List<String> files) {
    public CheckProblem {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** The kinds of findings; {@link #severity()} says whether it is an error, a warning or information. */
    public enum Kind {
        SNAPSHOT_UNREADABLE(Severity.ERROR),
        INDEX_UNREADABLE(Severity.ERROR),
        TREE_MISSING(Severity.ERROR),
        TREE_DAMAGED(Severity.ERROR),
        BLOB_NOT_IN_INDEX(Severity.ERROR),
        PACK_MISSING(Severity.ERROR),
        PACK_WRONG_SIZE(Severity.ERROR),
        PACK_HEADER_MISMATCH(Severity.ERROR),
        PACK_DAMAGED(Severity.ERROR),
        BLOB_DAMAGED(Severity.ERROR),
        DUPLICATE_PACK(Severity.WARNING),
        DUPLICATE_BLOB(Severity.WARNING),
        UNREFERENCED_PACK(Severity.INFO);

        private final Severity severity;

        Kind(Severity severity) {
            this.severity = severity;
        }

        public Severity severity() {
            return severity;
        }
    }

    public enum Severity {
        ERROR, WARNING, INFO
    }
}
