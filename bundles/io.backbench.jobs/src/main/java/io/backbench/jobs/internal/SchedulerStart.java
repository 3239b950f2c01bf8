package io.backbench.jobs.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.backbench.jobs.scheduler.api.Scheduler;

/**
 * Starts the scheduler in the workbench and headless modes (and when {@code backbench.mode} is unset,
 * as in the in-framework tests), by getting its service; in a CLI command ({@code cli}) it does
 * nothing, so a command does not activate the scheduler, the job runner and the catalog. Holding
 * {@link ComponentServiceObjects} activates nothing by itself. SCR calls these methods on its threads.
 */
@Component(immediate = true)
public class SchedulerStart {
    private final boolean wanted;
    private ComponentServiceObjects<Scheduler> objects; // guarded by this
    private Scheduler scheduler; // guarded by this

    @Activate
    public SchedulerStart(BundleContext context) {
        wanted = !"cli".equals(context.getProperty("backbench.mode"));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindScheduler(ComponentServiceObjects<Scheduler> s) {
        release();
        if (wanted) {
            objects = s;
            scheduler = s.getService();
        }
    }

    synchronized void unbindScheduler(ComponentServiceObjects<Scheduler> s) {
        if (objects == s) {
            release();
        }
    }

    @Deactivate
    synchronized void deactivate() {
        release();
    }

    private void release() {
        if (objects != null && scheduler != null) {
            objects.ungetService(scheduler);
        }
        objects = null;
        scheduler = null;
    }
}
