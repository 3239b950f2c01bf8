package io.backbench.ui.workbench.internal.views;

import io.backbench.core.api.LogStore;
import io.backbench.ui.api.Area;
import io.backbench.ui.api.Perspectives;
import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPart;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Error Log view: the framework's recent log entries. */
@Component(service = ViewContribution.class, property = {ViewContribution.ID_PROPERTY + "=" + ErrorLogViewContribution.ID,
        ViewContribution.LABEL_PROPERTY + "=Error Log"})
public class ErrorLogViewContribution extends BuiltInView {

    public static final String ID = "io.backbench.ui.views.errorlog";

    @Reference
    private LogStore log;

    public ErrorLogViewContribution() {
        super(ID, "Error Log", Area.BOTTOM, Perspectives.MONITOR);
    }

    @Override
    public ViewPart createView() {
        return new ErrorLogView(log);
    }
}
