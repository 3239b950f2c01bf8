package io.backbench.jobs.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.CatalogException;
import io.backbench.jobs.notify.api.Notifier;
import io.backbench.jobs.scheduler.api.JobRunner;
import io.backbench.jobs.scheduler.api.Scheduler;

/**
 * The {@link Scheduler} service. In the workbench and headless modes ({@code backbench.mode}) it
 * checks the schedules at start-up (running missed occurrences once) and then every
 * {@value #PERIOD_SECONDS} seconds on the "backbench-scheduler" thread; for a CLI call it only
 * answers questions ({@link #upcoming()}) and fires nothing. A delayed component: {@link SchedulerStart}
 * activates it in the workbench and the server, a CLI command only if it asks (jobs list).
 */
@Component(service = Scheduler.class)
public class SchedulerComponent implements Scheduler {
    static final long PERIOD_SECONDS = 20;

    private final Notifiers notifiers = new Notifiers();
    private final SchedulerEngine engine;
    private final ScheduledExecutorService timer;

    @Activate
    public SchedulerComponent(BundleContext context, @Reference Catalog catalog, @Reference JobRunner runner) {
        engine = new SchedulerEngine(catalog, runner, Clock.systemUTC(), ZoneId.systemDefault(), notifiers);
        String mode = context.getProperty("backbench.mode");
        if ("cli".equals(mode)) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backbench-scheduler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tickQuietly, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    /** An exception would silently end a periodic task: report it, and the next tick tries again. */
    private void tickQuietly() {
        try {
            engine.tick();
        } catch (CatalogException e) {
            System.err.println("backbench: the scheduler could not check the jobs: " + e.getMessage());
        } catch (RuntimeException e) {
            System.err.println("backbench: the scheduler failed checking the jobs: " + e);
        }
    }

    @Deactivate
    void deactivate() {
        if (timer != null) {
            timer.shutdownNow();
        }
        notifiers.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addNotifier(Notifier n) {
        notifiers.add(n);
    }

    void removeNotifier(Notifier n) {
        notifiers.remove(n);
    }

    @Override
    public Optional<Instant> nextRun(String jobId) {
        return engine.nextRun(jobId);
    }

    @Override
    public List<Upcoming> upcoming() {
        return engine.upcoming();
    }

    @Override
    public void check() {
        if (timer != null) {
            timer.execute(this::tickQuietly);
        }
    }
}
