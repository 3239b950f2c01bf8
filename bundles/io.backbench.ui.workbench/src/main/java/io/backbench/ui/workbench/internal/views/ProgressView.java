package io.backbench.ui.workbench.internal.views;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.backbench.jobs.api.JobListener;
import io.backbench.jobs.api.JobManager;
import io.backbench.jobs.api.JobStatus;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.api.ViewSite;
import io.backbench.ui.api.EmptyState;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;

/**
 * Running and recently ended jobs, newest first: name, state, a progress bar, the current task and
 * a Cancel button each. The job listener runs on job manager threads; rows change on the UI thread.
 */
final class ProgressView implements ViewPart {

    private final JobManager jobs;
    private final Map<Long, JobRow> rows = new LinkedHashMap<>();
    private EmptyState empty;
    private ScrolledComposite scroll;
    private Composite list;
    private JobListener listener;

    ProgressView(JobManager jobs) {
        this.jobs = jobs;
    }

    @Override
    public void createControl(Composite parent, ViewSite site) {
        empty = new EmptyState(parent, "No jobs running",
                "Work that this workbench runs in the background shows its progress here while it runs, "
                        + "with a Cancel button, and stays listed for a few minutes after it ends: today the "
                        + "plugin changes of the Plugins view; backups, disk images and restore tests as their "
                        + "views arrive.\n\n"
                        + "A command run in a terminal (backbench --help) reports its progress there.");
        scroll = new ScrolledComposite(empty.stack(), SWT.V_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        list = new Composite(scroll, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.verticalSpacing = 2;
        list.setLayout(gl);
        scroll.setContent(list);
        scroll.addListener(SWT.Resize, e -> resize());
        empty.setContent(scroll);
        Coalescer coalescer = new Coalescer(site, this::refresh);
        listener = status -> coalescer.changed();
        jobs.addListener(listener);
        refresh();
    }

    private void refresh() {
        if (list.isDisposed()) {
            return;
        }
        List<JobStatus> statuses = new ArrayList<>(jobs.jobs());
        statuses.sort((a, b) -> Long.compare(b.id(), a.id()));
        Set<Long> present = new HashSet<>();
        JobRow previous = null;
        for (JobStatus s : statuses) {
            present.add(s.id());
            JobRow row = rows.get(s.id());
            if (row == null) {
                row = new JobRow(list, s.id(), () -> jobs.find(s.id()).ifPresent(h -> h.cancel()));
                rows.put(s.id(), row);
            }
            row.update(s);
            if (previous == null) {
                row.control().moveAbove(null);
            } else {
                row.control().moveBelow(previous.control());
            }
            previous = row;
        }
        rows.entrySet().removeIf(e -> {
            if (!present.contains(e.getKey())) {
                e.getValue().dispose();
                return true;
            }
            return false;
        });
        empty.showEmpty(rows.isEmpty());
        list.layout(true, true);
        resize();
    }

    private void resize() {
        if (!scroll.isDisposed()) {
            int width = scroll.getClientArea().width;
            Point size = list.computeSize(width, SWT.DEFAULT);
            scroll.setMinSize(new Point(Math.min(width, size.x), size.y));
        }
    }

    @Override
    public void setFocus() {
        scroll.setFocus();
    }

    @Override
    public void dispose() {
        jobs.removeListener(listener);
    }
}
