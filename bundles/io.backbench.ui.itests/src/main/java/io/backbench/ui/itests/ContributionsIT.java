package io.backbench.ui.itests;

import io.backbench.ui.testing.Ui;
import io.backbench.ui.testing.WorkbenchDriver;
import io.backbench.ui.testing.Osgi;

import static io.backbench.ui.testing.WorkbenchDriver.BACKUPS;
import static io.backbench.ui.testing.WorkbenchDriver.ERROR_LOG;
import static io.backbench.ui.testing.WorkbenchDriver.MONITOR;
import static io.backbench.ui.testing.WorkbenchDriver.PROGRESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.backbench.jobs.api.Job;
import io.backbench.jobs.api.JobHandle;
import io.backbench.jobs.api.JobManager;
import io.backbench.jobs.api.JobState;
import io.backbench.jobs.api.ProgressMonitor;
import io.backbench.ui.api.ActionContext;
import io.backbench.ui.api.ActionContribution;
import io.backbench.ui.api.Area;
import io.backbench.ui.api.PerspectiveContribution;
import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.api.ViewPlacement;
import io.backbench.ui.api.ViewSite;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/** The whiteboard: services registered by a bundle (here, the test bundle) change the window. */
class ContributionsIT {

    @AfterEach
    void leaveNoDialogOpen() {
        WorkbenchDriver.closeDialogs();
    }


    record TestView(String id, String label, List<String> perspectives, Area area, boolean broken)
            implements ViewContribution {
        @Override
        public ViewPart createView() {
            return new ViewPart() {
                @Override
                public void createControl(Composite parent, ViewSite site) {
                    if (broken) {
                        throw new IllegalStateException("this view is broken on purpose");
                    }
                    new Label(parent, SWT.NONE).setText("Hello from " + label);
                }
            };
        }
    }

    record TestPerspective(String id, String label, int order, List<ViewPlacement> placements)
            implements PerspectiveContribution {
    }

    @Test
    void aViewServiceAppearsWhenRegisteredAndGoesWhenUnregistered() {
        Shell shell = WorkbenchDriver.shell();
        WorkbenchDriver.showPerspective(MONITOR);
        ServiceRegistration<ViewContribution> reg = Osgi.context().registerService(ViewContribution.class,
                new TestView("test.hello", "Hello", List.of(MONITOR), Area.LEFT, false), null);
        Ui.waitUntil("the Hello view", () -> WorkbenchDriver.viewIds(shell).contains("test.hello"));
        reg.unregister();
        Ui.waitUntil("the Hello view to go", () -> !WorkbenchDriver.viewIds(shell).contains("test.hello"));
    }

    @Test
    void aViewThatComesLaterTakesItsPlaceByOrderNotTheEnd() {
        Shell shell = WorkbenchDriver.shell();
        WorkbenchDriver.showPerspective(BACKUPS);
        Ui.waitUntil("the Repositories view", () -> WorkbenchDriver.viewIds(shell).contains(WorkbenchDriver.REPOSITORIES_VIEW));
        // order 5 comes before the Repositories view's 10; "Zz..." would come last by label alone
        ServiceRegistration<ViewContribution> reg = Osgi.context().registerService(ViewContribution.class,
                new OrderedView(new TestView("test.first", "Zz First", List.of(BACKUPS), Area.CENTER, false), 5), null);
        try {
            Ui.waitUntil("the new view first in the Backups perspective", () -> {
                List<String> ids = WorkbenchDriver.viewIds(shell);
                return ids.indexOf("test.first") == 0 && ids.indexOf(WorkbenchDriver.REPOSITORIES_VIEW) == 1;
            });
        } finally {
            reg.unregister();
        }
        Ui.waitUntil("the new view to go", () -> !WorkbenchDriver.viewIds(shell).contains("test.first"));
        WorkbenchDriver.showPerspective(MONITOR);
    }

    /** A view with an {@link ViewContribution#order()} of its own. */
    record OrderedView(TestView view, int order) implements ViewContribution {
        @Override
        public String id() {
            return view.id();
        }

        @Override
        public String label() {
            return view.label();
        }

        @Override
        public List<String> perspectives() {
            return view.perspectives();
        }

        @Override
        public Area area() {
            return view.area();
        }

        @Override
        public ViewPart createView() {
            return view.createView();
        }
    }

    @Test
    void aPerspectiveServiceAddsASwitcherButtonAndPlacesViewsThatDoNotNameIt() {
        Shell shell = WorkbenchDriver.shell();
        ServiceRegistration<PerspectiveContribution> reg = Osgi.context().registerService(
                PerspectiveContribution.class, new TestPerspective("test.audit", "Audit", 50,
                        List.of(new ViewPlacement(ERROR_LOG, Area.CENTER), new ViewPlacement("test.absent", Area.LEFT))),
                null);
        try {
            WorkbenchDriver.showPerspective("test.audit");
            Ui.waitUntil("the Error Log view placed in Audit", () -> WorkbenchDriver.viewIds(shell).contains(ERROR_LOG));
            assertEquals(List.of(ERROR_LOG), Ui.call(() -> WorkbenchDriver.viewIds(shell)),
                    "only the placed view (a placement of an absent view is ignored)");
        } finally {
            reg.unregister();
        }
        Ui.waitUntil("the Audit button to go", () -> !WorkbenchDriver.perspectiveIds().contains("test.audit"));
        Ui.waitUntil("a remaining perspective to be shown", () -> WorkbenchDriver.activePage(shell).isPresent());
        WorkbenchDriver.showPerspective(MONITOR);
    }

    @Test
    void anActionServiceAddsAMenuWhoseItemRunsOnTheUiThread() throws Exception {
        AtomicReference<String> ranOn = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        ActionContribution action = new ActionContribution() {
            @Override
            public String id() {
                return "test.weekly";
            }

            @Override
            public String label() {
                return "Weekly Summary";
            }

            @Override
            public String menu() {
                return "Reports";
            }

            @Override
            public void run(ActionContext context) {
                ranOn.set(Thread.currentThread().getName());
                context.setStatusMessage("Weekly summary made");
                ran.countDown();
            }
        };
        ServiceRegistration<ActionContribution> reg = Osgi.context().registerService(ActionContribution.class,
                action, null);
        try {
            Ui.waitUntil("the Reports menu before Help", () -> {
                List<String> names = WorkbenchDriver.menuNames();
                return names.indexOf("Reports") >= 0 && names.indexOf("Reports") == names.indexOf("Help") - 1;
            });
            Ui.click(WorkbenchDriver.menuItem("Reports", "Weekly Summary"));
            assertTrue(ran.await(10, TimeUnit.SECONDS), "the action did not run");
            assertEquals(Ui.UI_THREAD, ranOn.get());
        } finally {
            reg.unregister();
        }
        Ui.waitUntil("the Reports menu to go", () -> !WorkbenchDriver.menuNames().contains("Reports"));
    }

    @Test
    void aViewThatFailsToOpenSaysSoInsteadOfShowingABlankPane() {
        Shell shell = WorkbenchDriver.shell();
        WorkbenchDriver.showPerspective(MONITOR);
        ServiceRegistration<ViewContribution> reg = Osgi.context().registerService(ViewContribution.class,
                new TestView("test.broken", "Broken", List.of(MONITOR), Area.LEFT, true), null);
        try {
            Ui.waitUntil("the Broken view", () -> WorkbenchDriver.viewIds(shell).contains("test.broken"));
            String text = Ui.call(() -> WorkbenchDriver.labels(WorkbenchDriver.view(shell, "test.broken").orElseThrow()));
            assertTrue(text.contains("could not be opened") && text.contains("broken on purpose"), text);
        } finally {
            reg.unregister();
        }
        Ui.waitUntil("the Broken view to go", () -> !WorkbenchDriver.viewIds(shell).contains("test.broken"));
    }

    @Test
    void progressViewShowsARunningJobAndItsCancelButtonStopsIt() throws Exception {
        Shell shell = WorkbenchDriver.shell();
        WorkbenchDriver.showPerspective(MONITOR);
        WorkbenchDriver.activateView(PROGRESS);
        CountDownLatch started = new CountDownLatch(1);
        JobHandle handle = Osgi.service(JobManager.class).submit(new Job() {
            @Override
            public String name() {
                return "Back up /srv/projects to the test repository";
            }

            @Override
            public String run(ProgressMonitor monitor) throws Exception {
                monitor.begin("Copying files", 1000);
                monitor.worked(420);
                monitor.subTask("/srv/projects/atlas/report.odt");
                started.countDown();
                while (!monitor.isCancelled()) {
                    Thread.sleep(20);
                }
                throw new CancellationException("cancelled");
            }
        });
        assertTrue(started.await(30, TimeUnit.SECONDS), "the job did not start");
        long id = handle.id();
        Ui.waitUntil("the job's row in the Progress view", () -> WorkbenchDriver.view(shell, PROGRESS)
                .map(v -> !Ui.find(v, Ui.data("backbench.job", id)).isEmpty()).orElse(false));
        Ui.waitUntil("the job's task in its row", () -> WorkbenchDriver.labels(shell).contains("Copying files"));
        Ui.screenshot(shell, "workbench-progress");
        Button cancel = Ui.call(() -> (Button) Ui.find(Ui.find(WorkbenchDriver.view(shell, PROGRESS).orElseThrow(),
                Ui.data("backbench.job", id)).stream().map(Composite.class::cast).findFirst().orElseThrow(),
                Ui.data("backbench.action", "cancel")).get(0));
        Ui.click(cancel);
        JobState end = handle.completion().toCompletableFuture().get(30, TimeUnit.SECONDS).state();
        assertEquals(JobState.CANCELLED, end);
        Ui.waitUntil("the row to say cancelled", () -> WorkbenchDriver.labels(shell).contains("cancelled"));
    }

    @Test
    void errorLogShowsALoggedErrorWithItsStackTraceInTheDetails() {
        Shell shell = WorkbenchDriver.shell();
        WorkbenchDriver.showPerspective(MONITOR);
        WorkbenchDriver.activateView(ERROR_LOG);
        Logger log = Osgi.service(LoggerFactory.class).getLogger(ContributionsIT.class);
        String message = "test repository at /srv/backup is locked by another process " + System.nanoTime();
        log.error(message, new IllegalStateException("lock held by pid 4242"));
        Ui.waitUntil("the entry in the Error Log", () -> WorkbenchDriver.column(shell, ERROR_LOG, 3).contains(message));
        WorkbenchDriver.selectRow(ERROR_LOG, 3, message);
        Ui.waitUntil("the stack trace in the details", () -> WorkbenchDriver.view(shell, ERROR_LOG)
                .map(v -> Ui.find(v, w -> w instanceof Text t && t.getText().contains("lock held by pid 4242")
                        && t.getText().contains("ContributionsIT")).size() == 1).orElse(false));
        Ui.screenshot(shell, "workbench-error-log");
    }

}
