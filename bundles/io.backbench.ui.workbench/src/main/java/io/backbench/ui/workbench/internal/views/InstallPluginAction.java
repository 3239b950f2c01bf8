package io.backbench.ui.workbench.internal.views;

import io.backbench.core.api.PluginManager;
import io.backbench.jobs.api.JobManager;
import io.backbench.ui.api.ActionContext;
import io.backbench.ui.api.ActionContribution;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** File > Install Plugin...: the same dialog as the Plugins view's tool. */
@Component(property = ActionContribution.LABEL_PROPERTY + "=Install Plugin...")
public class InstallPluginAction implements ActionContribution {
    public static final String ID = "io.backbench.ui.actions.installPlugin";

    @Reference
    private PluginManager plugins;

    @Reference
    private JobManager jobs;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Install Plugin...";
    }

    @Override
    public String menu() {
        return MENU_FILE;
    }

    @Override
    public void run(ActionContext context) {
        InstallPluginDialog dialog = new InstallPluginDialog(context.shell(), plugins, new PluginOperations(plugins, jobs));
        dialog.open();
        if (dialog.installed() != null) {
            context.setStatusMessage(dialog.installed());
        }
    }
}
