package io.backbench.ui.workbench.internal.views;

import io.backbench.jobs.api.JobManager;
import io.backbench.ui.api.Area;
import io.backbench.ui.api.Perspectives;
import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPart;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Progress view: running and recent jobs, in every built-in perspective. */
@Component(service = ViewContribution.class, property = {ViewContribution.ID_PROPERTY + "=" + ProgressViewContribution.ID,
        ViewContribution.LABEL_PROPERTY + "=Progress"})
public class ProgressViewContribution extends BuiltInView {

    public static final String ID = "io.backbench.ui.views.progress";

    @Reference
    private JobManager jobs;

    public ProgressViewContribution() {
        super(ID, "Progress", Area.BOTTOM, Perspectives.MONITOR, Perspectives.DEVICES, Perspectives.BACKUPS,
                Perspectives.TARGETS);
    }

    @Override
    public ViewPart createView() {
        return new ProgressView(jobs);
    }
}
