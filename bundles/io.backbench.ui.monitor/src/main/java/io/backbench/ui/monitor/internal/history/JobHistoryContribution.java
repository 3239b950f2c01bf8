package io.backbench.ui.monitor.internal.history;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.backbench.catalog.api.Catalog;
import io.backbench.jobs.api.JobManager;
import io.backbench.ui.api.Area;
import io.backbench.ui.api.Perspectives;
import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.monitor.internal.alerts.AlertCenter;

/** The Job History view in the Monitor perspective. */
@Component(service = ViewContribution.class, property = {ViewContribution.ID_PROPERTY + "=" + JobHistoryContribution.ID,
        ViewContribution.LABEL_PROPERTY + "=Job History"})
public class JobHistoryContribution implements ViewContribution {
    public static final String ID = "io.backbench.ui.monitor.history";

    @Reference
    private Catalog catalog;
    @Reference
    private AlertCenter alerts;
    @Reference
    private JobManager jobs;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Job History";
    }

    @Override
    public List<String> perspectives() {
        return List.of(Perspectives.MONITOR);
    }

    @Override
    public Area area() {
        return Area.CENTER;
    }

    @Override
    public ViewPart createView() {
        return new JobHistoryView(catalog, jobs, alerts);
    }
}
