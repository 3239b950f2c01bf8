package io.backbench.sample.view.internal;

import java.util.List;

import io.backbench.ui.api.Area;
import io.backbench.ui.api.Perspectives;
import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPart;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A sample plugin's view: registering this one service is all it takes to add a view to the
 * workbench. It appears in the Monitor perspective, on the right, and goes away with the bundle.
 */
@Component(property = {ViewContribution.ID_PROPERTY + "=" + SampleReportView.ID,
        ViewContribution.LABEL_PROPERTY + "=Sample Report"})
public class SampleReportView implements ViewContribution {

    static final String ID = "io.backbench.sample.view.report";

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Sample Report";
    }

    @Override
    public List<String> perspectives() {
        return List.of(Perspectives.MONITOR);
    }

    @Override
    public Area area() {
        return Area.RIGHT;
    }

    @Override
    public ViewPart createView() {
        return new ReportPart(context);
    }
}
