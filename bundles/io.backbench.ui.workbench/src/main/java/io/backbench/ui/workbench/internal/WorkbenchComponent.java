package io.backbench.ui.workbench.internal;

import io.backbench.core.api.DataFolders;
import io.backbench.ui.api.ActionContribution;
import io.backbench.ui.api.PerspectiveContribution;
import io.backbench.ui.api.PreferencePageContribution;
import io.backbench.ui.api.ViewContribution;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Opens the workbench window in {@code workbench} mode (framework property {@code backbench.mode})
 * and feeds it the contributions registered as services. Bind and unbind run on OSGi threads and
 * only touch {@link Contributions}; the window picks changes up on the UI thread.
 */
@Component(immediate = true)
public class WorkbenchComponent {

    public static final String MODE_PROPERTY = "backbench.mode";

    private final Contributions contributions = new Contributions();

    @Reference
    private DataFolders folders;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configAdmin;

    private WorkbenchRunner runner;

    @Activate
    void activate(BundleContext context) {
        String mode = context.getProperty(MODE_PROPERTY);
        if (!"workbench".equals(mode)) {
            log.info("backbench.mode is {}, not workbench: no window", mode);
            return;
        }
        runner = new WorkbenchRunner(new WorkbenchServices(context, folders, () -> configAdmin, log),
                contributions);
        runner.start();
    }

    @Deactivate
    void deactivate() {
        if (runner != null) {
            runner.shutdown();
            runner = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addView(ViewContribution view) {
        contributions.add(contributions.viewList(), view);
    }

    void removeView(ViewContribution view) {
        contributions.remove(contributions.viewList(), view);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPerspective(PerspectiveContribution perspective) {
        contributions.add(contributions.perspectiveList(), perspective);
    }

    void removePerspective(PerspectiveContribution perspective) {
        contributions.remove(contributions.perspectiveList(), perspective);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPreferencePage(PreferencePageContribution page) {
        contributions.add(contributions.preferencePageList(), page);
    }

    void removePreferencePage(PreferencePageContribution page) {
        contributions.remove(contributions.preferencePageList(), page);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addAction(ActionContribution action) {
        contributions.add(contributions.actionList(), action);
    }

    void removeAction(ActionContribution action) {
        contributions.remove(contributions.actionList(), action);
    }
}
