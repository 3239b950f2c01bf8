package io.backbench.jobs.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.jobs.scheduler.api.JobContext;
import io.backbench.jobs.scheduler.api.JobKind;
import io.backbench.jobs.scheduler.api.JobOptions;
import io.backbench.repository.api.ForgetResult;
import io.backbench.repository.api.PruneOptions;
import io.backbench.repository.api.PruneReport;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.RetentionPolicy;
import io.backbench.repository.api.SnapshotFilter;
import io.backbench.repository.api.SnapshotGrouping;

/**
 * {@code retention}: applies the job's retention policy to the snapshots of its sources (all
 * snapshots when it has none), grouped by host and paths, then prunes unless {@code prune=false}.
 */
@Component(service = JobKind.class, property = JobKind.KIND_PROPERTY + "=" + JobKind.RETENTION)
public final class RetentionKind implements JobKind {

    @Override
    public String id() {
        return RETENTION;
    }

    @Override
    public String displayName() {
        return "Retention (forget and prune)";
    }

    @Override
    public void validate(JobDefinition job) {
        if (RetentionSpec.parse(job.retention()).empty()) {
            throw new IllegalArgumentException("retention job '" + job.name() + "' has no retention policy; set one, e.g."
                    + " last=7,daily=14,weekly=8 (an empty policy would keep everything)");
        }
    }

    @Override
    public RunMetrics run(JobDefinition job, JobContext context) throws Exception {
        validate(job);
        RetentionPolicy policy = RetentionSpec.parse(job.retention());
        Repository repo = context.repository();
        context.monitor().begin("Applying retention " + job.retention(), -1);
        ForgetResult forgot = RepositoryOperations.forget(repo, policy, SnapshotGrouping.HOST_AND_PATHS,
                new SnapshotFilter(List.of(), List.of(), job.sources()), false);
        context.monitor().info("removed " + forgot.removed().size() + " snapshots");
        context.monitor().checkCancelled();
        long freed = 0;
        if (Boolean.parseBoolean(job.option(JobOptions.PRUNE, "true"))) {
            context.monitor().begin("Pruning unused data", -1);
            PruneReport report = RepositoryOperations.prune(repo, PruneOptions.defaults());
            freed = report.bytesFreed();
            context.monitor().info("pruned: freed " + freed + " bytes");
        }
        repo.reloadIndex();
        long size = Repos.storedBytes(repo);
        Repos.refreshSnapshotCache(context.catalog(), job.repository(), repo);
        String summary = "removed " + forgot.removed().size() + " snapshots, freed " + freed + " bytes";
        return new RunMetrics(0, 0, 0, -freed, forgot.removed().size(), 0, 0, null, size, summary);
    }
}
