package io.backbench.ui.monitor.internal.verification;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.backbench.catalog.api.Catalog;
import io.backbench.ui.api.Area;
import io.backbench.ui.api.Perspectives;
import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPart;

/** The Verification view, in the Monitor and Backups perspectives. */
@Component(service = ViewContribution.class, property = {ViewContribution.ID_PROPERTY + "=" + VerificationContribution.ID,
        ViewContribution.LABEL_PROPERTY + "=Verification"})
public class VerificationContribution implements ViewContribution {
    public static final String ID = "io.backbench.ui.monitor.verification";

    @Reference
    private Catalog catalog;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Verification";
    }

    @Override
    public List<String> perspectives() {
        return List.of(Perspectives.MONITOR, Perspectives.BACKUPS);
    }

    @Override
    public Area area() {
        return Area.BOTTOM;
    }

    @Override
    public ViewPart createView() {
        return new VerificationView(catalog);
    }
}
