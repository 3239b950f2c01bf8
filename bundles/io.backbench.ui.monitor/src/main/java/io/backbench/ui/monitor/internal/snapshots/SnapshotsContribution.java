package io.backbench.ui.monitor.internal.snapshots;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.backbench.catalog.api.Catalog;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.DataFolders;
import io.backbench.jobs.api.JobManager;
import io.backbench.jobs.scheduler.api.JobRunner;
import io.backbench.ui.api.Area;
import io.backbench.ui.api.Perspectives;
import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.monitor.internal.RepositoryAccess;

/** The Snapshots view in the Backups perspective. */
@Component(service = ViewContribution.class, property = {ViewContribution.ID_PROPERTY + "=" + SnapshotsContribution.ID,
        ViewContribution.LABEL_PROPERTY + "=Snapshots"})
public class SnapshotsContribution implements ViewContribution {
    public static final String ID = "io.backbench.ui.monitor.snapshots";

    @Reference
    private Catalog catalog;
    @Reference
    private JobRunner runner;
    @Reference
    private JobManager jobs;
    @Reference
    private ConfiguredTargets types;
    @Reference
    private DataFolders folders;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Snapshots";
    }

    @Override
    public List<String> perspectives() {
        return List.of(Perspectives.BACKUPS);
    }

    @Override
    public ViewPart createView() {
        return new SnapshotsView(catalog, runner, jobs, new RepositoryAccess(types, folders.repositoryCache()));
    }
}
