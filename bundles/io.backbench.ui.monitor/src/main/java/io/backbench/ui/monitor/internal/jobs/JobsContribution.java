package io.backbench.ui.monitor.internal.jobs;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.backbench.catalog.api.Catalog;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.DataFolders;
import io.backbench.jobs.scheduler.api.JobRunner;
import io.backbench.jobs.scheduler.api.Scheduler;
import io.backbench.ui.api.Area;
import io.backbench.ui.api.Perspectives;
import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.monitor.internal.RepositoryAccess;

/** The Jobs view, in the Monitor and Backups perspectives. */
@Component(service = ViewContribution.class, property = {ViewContribution.ID_PROPERTY + "=" + JobsContribution.ID,
        ViewContribution.LABEL_PROPERTY + "=Jobs"})
public class JobsContribution implements ViewContribution {
    public static final String ID = "io.backbench.ui.monitor.jobs";

    @Reference
    private Catalog catalog;
    @Reference
    private JobRunner runner;
    @Reference
    private ConfiguredTargets types;
    @Reference
    private DataFolders folders;
    // the scheduler runs in workbench and headless modes; the view works without it (no "next run")
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Scheduler scheduler;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Jobs";
    }

    @Override
    public List<String> perspectives() {
        return List.of(Perspectives.MONITOR, Perspectives.BACKUPS);
    }

    @Override
    public Area area() {
        return Area.CENTER;
    }

    @Override
    public ViewPart createView() {
        return new JobsView(catalog, runner, () -> scheduler, new RepositoryAccess(types, folders.repositoryCache()));
    }
}
