package io.backbench.ui.workbench.internal.views;

import java.util.concurrent.atomic.AtomicBoolean;

import io.backbench.ui.api.ViewSite;

/**
 * Turns a burst of change notifications (on OSGi or job threads) into one refresh on the UI thread.
 * {@link #changed()} may be called from any thread.
 */
final class Coalescer {

    private final AtomicBoolean queued = new AtomicBoolean();
    private final ViewSite site;
    private final Runnable refresh;

    Coalescer(ViewSite site, Runnable refresh) {
        this.site = site;
        this.refresh = refresh;
    }

    void changed() {
        if (queued.compareAndSet(false, true)) {
            site.asyncExec(() -> {
                queued.set(false);
                refresh.run();
            });
        }
    }
}
