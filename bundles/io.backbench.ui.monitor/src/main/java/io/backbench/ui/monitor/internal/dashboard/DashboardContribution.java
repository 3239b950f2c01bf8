package io.backbench.ui.monitor.internal.dashboard;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.backbench.catalog.api.Catalog;
import io.backbench.ui.api.Area;
import io.backbench.ui.api.Perspectives;
import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.monitor.internal.alerts.AlertCenter;

/** The Dashboard view in the Monitor perspective. */
@Component(service = ViewContribution.class, property = {ViewContribution.ID_PROPERTY + "=" + DashboardContribution.ID,
        ViewContribution.LABEL_PROPERTY + "=Dashboard"})
public class DashboardContribution implements ViewContribution {
    public static final String ID = "io.backbench.ui.monitor.dashboard";

    @Reference
    private Catalog catalog;
    @Reference
    private AlertCenter alerts;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Dashboard";
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
        return new DashboardView(catalog, alerts);
    }
}
