package io.backbench.ui.monitor.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.jobs.scheduler.api.JobRepositories;
import io.backbench.repository.api.OpenedRepository;

/**
 * The views' way to a job's repository: {@link JobRepositories} (the scheduler's own rule for the
 * location and the password) and the configured targets to offer. Blocks: worker threads only.
 */
public final class RepositoryAccess {
    private final ConfiguredTargets targets;
    private final JobRepositories repositories;

    public RepositoryAccess(ConfiguredTargets targets) {
        this(targets, null);
    }

    /** {@code cacheDir}: where repositories keep copies of their index on this machine (null: nowhere). */
    public RepositoryAccess(ConfiguredTargets targets, Path cacheDir) {
        this.targets = targets;
        this.repositories = new JobRepositories(targets, System::getenv, cacheDir);
    }

    /** {@code target:NAME} for every configured target, by name. Reads a few small files. */
    public List<String> configuredLocations() {
        try {
            return targets.all().stream().map(e -> "target:" + e.name()).toList();
        } catch (RuntimeException e) {
            return List.of(); // an unreadable target file: the field still takes free text
        }
    }

    public OpenedRepository open(JobDefinition job) throws IOException {
        return repositories.open(job);
    }

    /** Creates a new repository at the job's location (which must hold none yet). */
    public void init(JobDefinition job) throws IOException {
        repositories.init(job);
    }
}
