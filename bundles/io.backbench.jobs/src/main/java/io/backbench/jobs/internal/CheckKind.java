package io.backbench.jobs.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunFilter;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.catalog.api.RunQuery;
import io.backbench.catalog.api.RunSort;
import io.backbench.catalog.api.RunStatus;
import io.backbench.jobs.api.ProgressMonitor;
import io.backbench.jobs.scheduler.api.JobContext;
import io.backbench.jobs.scheduler.api.JobFailedException;
import io.backbench.jobs.scheduler.api.JobKind;
import io.backbench.jobs.scheduler.api.JobOptions;
import io.backbench.repository.api.CheckOptions;
import io.backbench.repository.api.CheckProblem;
import io.backbench.repository.api.CheckReport;
import io.backbench.repository.api.ReadDataSubset;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOperations;

/**
 * {@code check}: checks the job's repository as {@code backbench repo check} does (snapshots, trees,
 * index and pack headers), and reads pack data as the {@code read-data} option says. The default,
 * {@code rotate/10}, reads the next tenth of the packs each run (restic's subset {@code n/10}, n one
 * after the part the repository's last rotating check read), so ten runs read all of it. Every finding goes
 * to the run's event log with the files it affects; errors fail the run. A cancelled check is
 * recorded as cancelled, not as a failure.
 */
@Component(service = JobKind.class, property = JobKind.KIND_PROPERTY + "=" + JobKind.CHECK)
public final class CheckKind implements JobKind {
    static final String DEFAULT_READ_DATA = "rotate/10";
    /** The parts a rotation can have: a pack's part is the first byte of its id modulo T (restic's n/T). */
    static final int MAX_PARTS = 256;
    private static final int MAX_FILES_IN_MESSAGE = 5;
    private static final int PAGE = 100;
    private static final int MAX_RUNS_LOOKED_AT = 1000;

    @Override
    public String id() {
        return CHECK;
    }

    @Override
    public String displayName() {
        return "Repository check";
    }

    @Override
    public void validate(JobDefinition job) {
        if (job.repository().isBlank()) {
            throw new IllegalArgumentException("check job '" + job.name() + "' has no repository to check");
        }
        ReadData.parse(job.option(JobOptions.READ_DATA, DEFAULT_READ_DATA));
    }

    @Override
    public RunMetrics run(JobDefinition job, JobContext context) throws Exception {
        validate(job);
        ReadData plan = ReadData.parse(job.option(JobOptions.READ_DATA, DEFAULT_READ_DATA));
        CheckOptions options = plan.options(p -> nextPart(context.catalog(), job.repository(), p));
        Repository repo = context.repository();
        ProgressMonitor monitor = context.monitor();
        monitor.begin("Checking " + job.repository() + " (" + describe(options) + ")", -1);
        CheckReport report;
        try {
            report = RepositoryOperations.check(repo, options, (phase, done, total) -> {
                monitor.subTask(phase + ": " + done + (total > 0 ? " of " + total : ""));
                monitor.checkCancelled();
            });
        } catch (Exception e) {
            if (monitor.isCancelled()) {
                // the cancel interrupts the check's threads: what they throw then is the cancel, not a failure
                throw new CancellationException("cancelled");
            }
            throw e;
        }
        for (CheckProblem p : report.problems()) {
            String line = p.kind().severity().name().toLowerCase(Locale.ROOT) + ": " + p.message()
                    + (p.files().isEmpty() ? "" : "; affects " + String.join(", ", p.files()));
            if (p.kind().severity() == CheckProblem.Severity.INFO) {
                monitor.info(line);
            } else if (p.kind().severity() == CheckProblem.Severity.ERROR && monitor instanceof RecordingMonitor log) {
                log.error(line); // the run fails with it: an error in its log, not a warning
            } else {
                monitor.warn(line);
            }
        }
        String summary = summary(report, options);
        RunMetrics metrics = new RunMetrics(0, 0, 0, 0, 0, 0, 0, null, Repos.storedBytes(repo), summary);
        if (!report.ok()) {
            throw new JobFailedException(failure(report, options, job.repository()), metrics);
        }
        return metrics;
    }

    /**
     * The part of {@code parts} that a rotating check of this repository reads next: the one after the
     * part the newest check that read one of {@code parts} parts read (its summary says "(subset n/T)"),
     * or 1. Checks that read no rotating part (structure only, all data, another T, or stopped before
     * reading) do not move the rotation on.
     */
    static int nextPart(Catalog catalog, String repository, int parts) {
        RunFilter filter = RunFilter.ALL.withKinds(Set.of(CHECK)).withTargets(Set.of(repository))
                .withStatuses(Set.of(RunStatus.SUCCEEDED, RunStatus.SUCCEEDED_WITH_WARNINGS, RunStatus.FAILED));
        Pattern read = Pattern.compile("\\(subset (\\d+)/" + parts + "\\)");
        for (int offset = 0; offset < MAX_RUNS_LOOKED_AT; offset += PAGE) {
            List<Run> runs = catalog.runs(new RunQuery(filter, RunSort.STARTED, true, offset, PAGE)).items();
            for (Run r : runs) {
                Matcher m = read.matcher(r.metrics() == null ? "" : r.metrics().summary());
                if (m.find()) {
                    return Integer.parseInt(m.group(1)) % parts + 1;
                }
            }
            if (runs.size() < PAGE) {
                break;
            }
        }
        return 1;
    }

    private static String describe(CheckOptions options) {
        if (!options.readData()) {
            return "structure only";
        }
        ReadDataSubset s = options.subset();
        return s == null ? "reading all data" : "reading data subset " + s;
    }

    private static String summary(CheckReport report, CheckOptions options) {
        StringBuilder sb = new StringBuilder();
        int errors = report.errors().size();
        sb.append(errors == 0 ? "no errors" : errors + (errors == 1 ? " error" : " errors")).append(" in ")
                .append(report.snapshots()).append(report.snapshots() == 1 ? " snapshot, " : " snapshots, ")
                .append(report.trees()).append(report.trees() == 1 ? " tree, " : " trees, ")
                .append(report.packs()).append(report.packs() == 1 ? " pack" : " packs");
        if (options.readData()) {
            sb.append("; data of ").append(report.packsRead()).append(report.packsRead() == 1 ? " pack" : " packs").append(" read");
            if (options.subset() != null) {
                sb.append(" (subset ").append(options.subset()).append(')');
            }
        } else {
            sb.append("; no data read");
        }
        int warnings = report.warnings().size();
        if (warnings > 0) {
            sb.append("; ").append(warnings).append(warnings == 1 ? " warning" : " warnings");
        }
        return sb.toString();
    }

    private static String failure(CheckReport report, CheckOptions options, String repository) {
        List<CheckProblem> errors = report.errors();
        List<String> files = errors.stream().flatMap(e -> e.files().stream()).distinct().toList();
        boolean allRead = options.readData() && options.subset() == null;
        boolean everyErrorNamesItsFiles = report.everyErrorNamesItsFiles();
        StringBuilder sb = new StringBuilder("check found ").append(errors.size()).append(errors.size() == 1 ? " error" : " errors")
                .append(" in ").append(repository).append(": ").append(errors.get(0).message());
        if (errors.size() > 1) {
            sb.append(" (and ").append(errors.size() - 1).append(" more in the run's log)");
        }
        if (!files.isEmpty()) {
            sb.append(". Files that cannot be restored intact: ")
                    .append(String.join(", ", files.subList(0, Math.min(files.size(), MAX_FILES_IN_MESSAGE))));
            if (files.size() > MAX_FILES_IN_MESSAGE) {
                sb.append(" and ").append(files.size() - MAX_FILES_IN_MESSAGE).append(" more (see the run's log)");
            }
            if (allRead && everyErrorNamesItsFiles) {
                sb.append("; every other file can be");
            }
        }
        if (!allRead) {
            sb.append(". This check did not read ").append(options.readData() ? "every pack" : "the data")
                    .append(", so other files may be damaged too");
        }
        sb.append(". Keep the repository as it is (do not prune it) and back the affected sources up to another repository"
                + " until it is repaired; 'backbench repo check --read-data' gives the full report.");
        return sb.toString();
    }

    /** What a {@code read-data} option asks for. */
    record ReadData(boolean read, ReadDataSubset fixed, int rotateParts) {

        static ReadData parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            switch (t) {
                case "none":
                    return new ReadData(false, null, 0);
                case "all":
                    return new ReadData(true, null, 0);
                default:
                    break;
            }
            if (t.startsWith("rotate/")) {
                try {
                    int parts = Integer.parseInt(t.substring("rotate/".length()));
                    if (parts >= 1 && parts <= MAX_PARTS) {
                        return new ReadData(true, null, parts);
                    }
                } catch (NumberFormatException e) {
                    // the message below says what is allowed
                }
                throw new IllegalArgumentException("read-data '" + text + "': rotate/T needs a whole number of parts from 1 to " + MAX_PARTS + ", e.g. rotate/10");
            }
            try {
                return new ReadData(true, ReadDataSubset.parse(t), 0);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("read-data '" + text + "': " + e.getMessage() + "; or none, all,"
                        + " or rotate/T such as rotate/10 (each run reads the next of T parts)");
            }
        }

        /** The check's options; {@code nextPart} gives the part a rotation of T parts reads next. */
        CheckOptions options(java.util.function.IntUnaryOperator nextPart) {
            if (!read) {
                return CheckOptions.structure();
            }
            if (fixed != null) {
                return new CheckOptions(true, fixed);
            }
            if (rotateParts > 1) {
                return new CheckOptions(true, new ReadDataSubset(nextPart.applyAsInt(rotateParts), rotateParts, 0));
            }
            return CheckOptions.readAllData();
        }
    }
}
