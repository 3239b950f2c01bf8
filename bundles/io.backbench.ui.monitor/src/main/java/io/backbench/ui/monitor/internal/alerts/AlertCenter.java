package io.backbench.ui.monitor.internal.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;

import io.backbench.jobs.notify.api.Alert;
import io.backbench.jobs.notify.api.Notifier;
import io.backbench.ui.api.ViewSite;

/**
 * Shows alerts in the workbench: a {@link Notifier} (whiteboard) that puts each alert in the status
 * line and in a small notification at the window's lower right corner. It reaches the window through
 * the sites of the monitoring views that are open (the Job History is in the Monitor perspective, the
 * first one shown); alerts that come while none is open wait for the first. {@link #send} is called on
 * the alert thread.
 */
@Component(service = {Notifier.class, AlertCenter.class})
public class AlertCenter implements Notifier {
    private static final int KEPT = 20;

    private final List<ViewSite> sites = new CopyOnWriteArrayList<>();
    private final List<Alert> pending = new ArrayList<>();
    private final List<Alert> recent = new ArrayList<>();

    @Override
    public void send(Alert alert) {
        synchronized (this) {
            recent.add(0, alert);
            if (recent.size() > KEPT) {
                recent.remove(recent.size() - 1);
            }
            if (sites.isEmpty()) {
                pending.add(alert);
                return;
            }
        }
        show(sites.get(0), alert);
    }

    /** The latest alerts, newest first. */
    public synchronized List<Alert> recent() {
        return List.copyOf(recent);
    }

    /** A view's site that alerts may use while the view is open; returns what detaches it. UI thread. */
    public Runnable attach(ViewSite site) {
        List<Alert> waiting;
        synchronized (this) {
            sites.add(site);
            waiting = List.copyOf(pending);
            pending.clear();
        }
        waiting.forEach(a -> show(site, a));
        return () -> sites.remove(site);
    }

    private static void show(ViewSite site, Alert alert) {
        site.asyncExec(() -> {
            site.setStatusMessage(AlertPopup.headline(alert) + ": " + alert.message());
            AlertPopup.open(site.shell(), alert);
        });
    }
}
