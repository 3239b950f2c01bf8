package io.backbench.report.internal.ui;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.backbench.catalog.api.Catalog;
import io.backbench.ui.api.Area;
import io.backbench.ui.api.Perspectives;
import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPart;

/**
 * The Monthly Report view, in the Monitor perspective. In the headless product the workbench API is
 * absent (an optional import): this component is then registered under a service name nobody asks
 * for and its classes are never loaded.
 */
@Component(service = ViewContribution.class, property = {ViewContribution.ID_PROPERTY + "=" + MonthlyReportContribution.ID,
        ViewContribution.LABEL_PROPERTY + "=Monthly Report"})
public class MonthlyReportContribution implements ViewContribution {
    public static final String ID = "io.backbench.report.monthly";

    @Reference
    private Catalog catalog;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Monthly Report";
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
        return new MonthlyReportView(catalog);
    }
}
