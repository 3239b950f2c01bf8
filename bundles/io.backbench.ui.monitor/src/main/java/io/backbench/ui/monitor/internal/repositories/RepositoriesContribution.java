package io.backbench.ui.monitor.internal.repositories;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.backbench.catalog.api.Catalog;
import io.backbench.jobs.scheduler.api.JobRunner;
import io.backbench.ui.api.Perspectives;
import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPart;

/** The Repositories view, first in the Backups perspective. */
@Component(service = ViewContribution.class, property = {ViewContribution.ID_PROPERTY + "=" + RepositoriesContribution.ID,
        ViewContribution.LABEL_PROPERTY + "=Repositories"})
public class RepositoriesContribution implements ViewContribution {
    public static final String ID = "io.backbench.ui.monitor.repositories";

    @Reference
    private Catalog catalog;
    @Reference
    private JobRunner runner;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Repositories";
    }

    @Override
    public List<String> perspectives() {
        return List.of(Perspectives.BACKUPS);
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public ViewPart createView() {
        return new RepositoriesView(catalog, runner);
    }
}
