package io.backbench.ui.workbench.internal.views;

import io.backbench.core.api.PluginManager;
import io.backbench.jobs.api.JobManager;
import io.backbench.ui.api.Area;
import io.backbench.ui.api.Perspectives;
import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPart;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Plugins view: what is installed, and Install / Update / Uninstall. */
@Component(service = ViewContribution.class, property = {ViewContribution.ID_PROPERTY + "=" + PluginsViewContribution.ID,
        ViewContribution.LABEL_PROPERTY + "=Plugins"})
public class PluginsViewContribution extends BuiltInView {

    public static final String ID = "io.backbench.ui.views.plugins";

    @Reference
    private PluginManager plugins;

    @Reference
    private JobManager jobs;

    private BundleContext context;

    public PluginsViewContribution() {
        super(ID, "Plugins", Area.CENTER, Perspectives.MONITOR);
    }

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Override
    public ViewPart createView() {
        return new PluginsView(plugins, new PluginOperations(plugins, jobs), context);
    }
}
