package io.backbench.ui.workbench.internal.views;

import io.backbench.ui.api.Area;
import io.backbench.ui.api.Perspectives;
import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.api.ViewSite;
import io.backbench.ui.api.EmptyState;

import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Component;

/**
 * The Backups view. The repository browser comes later; until then the view says what it will
 * show and points to the command line, which already backs up and restores.
 */
@Component(service = ViewContribution.class, property = {ViewContribution.ID_PROPERTY + "=" + BackupsViewContribution.ID,
        ViewContribution.LABEL_PROPERTY + "=Backups"})
public class BackupsViewContribution extends BuiltInView {

    static final String ID = "io.backbench.ui.views.backups";

    public BackupsViewContribution() {
        super(ID, "Backups", Area.CENTER, Perspectives.BACKUPS);
    }

    @Override
    public ViewPart createView() {
        return new ViewPart() {
            @Override
            public void createControl(Composite parent, ViewSite site) {
                new EmptyState(parent, "No backup repositories yet",
                        "This view will list your backup repositories and, for each one, its snapshots: "
                                + "when each was taken, from which files or disk, and how much was new. From a "
                                + "snapshot you will browse and restore files or whole disks.\n\n"
                                + "Browsing them here comes with a later Backbench release. Until then the command "
                                + "line does it: 'backbench repo init -r FOLDER' creates a repository, 'backbench "
                                + "backup' takes a snapshot, 'backbench snapshots' and 'backbench restore' list and "
                                + "restore them (see 'backbench --help').");
            }
        };
    }
}
