package io.backbench.report.internal.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.backbench.report.internal.JobFigures;
import io.backbench.report.internal.Units;

/** The key figures of the month, one tile each: a caption, a big value and a note. UI thread only. */
final class Tiles {
    private final Composite row;
    private final Map<String, Label[]> tiles = new LinkedHashMap<>();

    Tiles(Composite parent) {
        row = new Composite(parent, SWT.NONE);
        row.setData(Keys.PART, "tiles");
        RowLayout rl = new RowLayout(SWT.HORIZONTAL);
        rl.spacing = 10;
        rl.marginLeft = 0;
        rl.wrap = true;
        row.setLayout(rl);
        tile("runs", "Runs");
        tile("success-rate", "Success rate");
        tile("data", "Data read");
        tile("restore-tests", "Restore tests");
        tile("rpo-breaches", "RPO breaches");
    }

    Composite control() {
        return row;
    }

    private void tile(String key, String caption) {
        Composite box = new Composite(row, SWT.BORDER);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 10;
        gl.marginHeight = 4;
        gl.verticalSpacing = 2;
        box.setLayout(gl);
        Label c = new Label(box, SWT.NONE);
        c.setText(caption);
        Label v = new Label(box, SWT.NONE);
        v.setFont(JFaceResources.getHeaderFont());
        v.setData(Keys.FIGURE, key);
        GridData vd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        vd.widthHint = 160;
        v.setLayoutData(vd);
        Label n = new Label(box, SWT.NONE);
        n.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        tiles.put(key, new Label[] {v, n});
    }

    void show(JobFigures t) {
        set("runs", Long.toString(t.runs()), t.failed() + t.interrupted() == 0 ? "none failed"
                : (t.failed() + t.interrupted()) + " failed or interrupted", t.failed() + t.interrupted() > 0);
        set("success-rate", Units.percent(t.successRate()), (t.succeeded() + t.warnings()) + " of " + t.finished() + " finished", false);
        set("data", Units.bytes(t.bytesRead()), Units.bytes(t.bytesNew()) + " new, " + Units.bytes(t.bytesStored()) + " stored", false);
        set("restore-tests", Long.toString(t.restoreTests().count()), t.restoreTests().passed() + " passed, " + t.restoreTests().failed()
                + " failed", t.restoreTests().failed() > 0);
        set("rpo-breaches", Long.toString(t.breaches().size()), t.breaches().isEmpty() ? "none" : Units.duration(t.breachTime()) + " in all",
                !t.breaches().isEmpty());
        row.layout(true, true);
    }

    private void set(String key, String value, String note, boolean bad) {
        Label[] l = tiles.get(key);
        l[0].setText(value);
        l[0].setForeground(bad ? row.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
        l[1].setText(note);
    }
}
