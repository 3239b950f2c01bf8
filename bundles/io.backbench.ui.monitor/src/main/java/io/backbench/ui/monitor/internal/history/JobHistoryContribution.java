package io.backbench.ui.monitor.internal.history;

import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
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
    /** Framework property: the runs on one page of the Job History table (1 to 10,000; 5,000 by default). */
    static final String PAGE_SIZE_PROPERTY = "backbench.history.pageSize";
    static final int DEFAULT_PAGE_SIZE = 5_000;
    // beyond about 10,000 rows GTK's table costs more than 50 ms of the UI thread to fill or empty
    private static final int MAX_PAGE_SIZE = 10_000;

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

    private int pageSize = DEFAULT_PAGE_SIZE;

    @Activate
    void activate(BundleContext context) {
        pageSize = pageSize(context.getProperty(PAGE_SIZE_PROPERTY));
    }

    /** The framework property's value, or the default when it is unset or not a number from 1 to 10,000. */
    static int pageSize(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX_PAGE_SIZE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        System.err.println("backbench: " + PAGE_SIZE_PROPERTY + "=" + value + " is not a number of runs from 1 to " + MAX_PAGE_SIZE
                + "; the Job History shows pages of " + DEFAULT_PAGE_SIZE + " runs. Fix or remove the property.");
        return DEFAULT_PAGE_SIZE;
    }

    @Override
    public ViewPart createView() {
        return new JobHistoryView(catalog, jobs, alerts, pageSize);
    }
}
