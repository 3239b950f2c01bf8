package io.backbench.repository.api;

import java.util.List;

/**
 * The result of {@link RepositoryOperations#check}: errors (the repository is damaged), warnings
 * (harmless inconsistencies that prune or index rebuild clean up) and information (such as packs
 * no index lists), with counts of what was examined.
 *
 * @param problems     every finding, errors first
 * @param snapshots    snapshots examined
 * @param trees        distinct trees loaded
 * @param packs        packs listed in the index
 * @param packsRead    packs downloaded in full (read-data)
 * @param blobsRead    blobs decrypted and hashed (read-data)
 * @param subset       the read-data subset, or null
 */
public record CheckReport(List<CheckProblem> problems, int snapshots, int trees, int packs, int packsRead, long blobsRead,
        ReadDataSubset subset) {

    public CheckReport {
        problems = List.copyOf(problems);
    }

    public List<CheckProblem> errors() {
        return of(CheckProblem.Severity.ERROR);
    }

    public List<CheckProblem> warnings() {
        return of(CheckProblem.Severity.WARNING);
    }

    public List<CheckProblem> infos() {
        return of(CheckProblem.Severity.INFO);
    }

    /**
     * Whether every error is tied to the files it damages: it names them, or another error about the
     * same pack does (a pack whose hash is wrong, and its damaged blobs). After a check that read all
     * data, a file that no error names then restores intact; an error tied to no file (an unreadable
     * snapshot or index, a missing tree) may hide damage to any file.
     */
    public boolean everyErrorNamesItsFiles() {
        List<CheckProblem> errors = errors();
        return errors.stream().allMatch(e -> !e.files().isEmpty() || (e.pack() != null
                && errors.stream().anyMatch(o -> e.pack().equals(o.pack()) && !o.files().isEmpty())));
    }

    /** True when no error was found (warnings and information allowed). */
    public boolean ok() {
        return errors().isEmpty();
    }

    private List<CheckProblem> of(CheckProblem.Severity s) {
        return problems.stream().filter(p -> p.kind().severity() == s).toList();
    }

    /** A report for people, in the spirit of restic's check output. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("checked ").append(snapshots).append(" snapshots, ").append(trees).append(" trees, ").append(packs).append(" packs");
        if (packsRead > 0 || subset != null) {
            sb.append("; read ").append(packsRead).append(" packs (").append(blobsRead).append(" blobs)");
            if (subset != null) {
                sb.append(", subset ").append(subset);
            }
        }
        sb.append('\n');
        for (CheckProblem p : problems) {
            sb.append(p.kind().severity().name().toLowerCase()).append(": ").append(p.message()).append('\n');
            for (String f : p.files()) {
                sb.append("  affects ").append(f).append('\n');
            }
        }
        List<CheckProblem> errors = errors();
        if (errors.isEmpty()) {
            sb.append("no errors were found\n");
        } else {
            sb.append(errors.size()).append(errors.size() == 1 ? " error" : " errors").append(" found: the repository is damaged\n");
        }
        return sb.toString();
    }
}
