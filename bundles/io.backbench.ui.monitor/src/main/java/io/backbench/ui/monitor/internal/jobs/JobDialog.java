package io.backbench.ui.monitor.internal.jobs;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.jobs.scheduler.api.JobKind;
import io.backbench.jobs.scheduler.api.JobOptions;
import io.backbench.ui.monitor.internal.Format;
import io.backbench.ui.monitor.internal.Keys;

/**
 * Creates or edits a job definition, in pages: source, target, schedule, retention, objectives. OK
 * checks the form ({@code check}, e.g. the runner's validation) and keeps the dialog open with the
 * message when something is wrong, so nothing typed is lost. UI thread only.
 */
final class JobDialog extends Dialog {
    /** What the dialog produced: the definition, and whether to create a new repository at its location. */
    record Result(JobDefinition job, boolean initRepository) {
    }

    private final JobDefinition original;
    private final List<String> kinds;
    private final Consumer<JobDefinition> check;
    private Result result;
    private Text name;
    private Combo kind;
    private Text sources;
    private Text excludes;
    private Combo repository;
    private Text passwordFile;
    private Button init;
    private Button enabled;
    private Text schedule;
    private Text retention;
    private Text readData;
    private Text rpo;
    private Text rto;
    private Label problem;

    /** The configured targets' locations ({@code target:NAME}), offered in the Repository field's drop-down. */
    private final List<String> targets;

    JobDialog(Shell parent, JobDefinition original, List<String> kinds, List<String> targets, Consumer<JobDefinition> check) {
        super(parent);
        this.targets = targets;
        this.original = original;
        this.kinds = kinds.isEmpty() ? List.of("backup") : kinds;
        this.check = check;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    Result result() {
        return result;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(original == null || original.id() == null ? "New Job" : "Edit Job " + original.name());
        shell.setData(Keys.DIALOG, "job");
    }

    @Override
    protected Point getInitialSize() {
        return new Point(640, 480);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        TabFolder pages = new TabFolder(area, SWT.TOP);
        pages.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        JobDefinition j = original;
        Composite source = page(pages, "Source");
        name = field(source, "name", "Name", j == null ? "" : j.name(), "Unique; shown in every view and alert.");
        label(source, "Kind");
        kind = new Combo(source, SWT.READ_ONLY);
        kind.setItems(kinds.toArray(String[]::new));
        kind.setData(Keys.FIELD, "kind");
        int k = kinds.indexOf(j == null ? "backup" : j.kind());
        kind.select(Math.max(k, 0));
        hint(source, "backup backs up files; image images a disk, partition or image file; restore-test restores a snapshot into a "
                + "sandbox and checks it (image-restore-test: an image, with the filesystem checker); retention thins snapshots; "
                + "check checks the repository and reads part of its data (its Retention page says how much).");
        sources = area(source, "sources", "Sources", j == null ? "" : String.join("\n", j.sources()),
                "Files and folders to protect, one a line (absolute paths); for an image, the one device or image file (/dev/sdb).");
        excludes = area(source, "excludes", "Excludes", j == null ? "" : j.option(JobOptions.EXCLUDES, ""),
                "Patterns left out, one a line: *.tmp, /home/*/.cache");
        Composite target = page(pages, "Target");
        repository = choiceOrText(target, "repository", "Repository", j == null ? "" : j.repository(), targets,
                "A configured target (target:NAME, see the Targets view), a folder (/mnt/backup/repo), or"
                        + " TYPE:key=value,... for another storage target.");
        passwordFile = field(target, "password-file", "Password file", j == null ? "" : j.option(JobOptions.PASSWORD_FILE, ""),
                "A file whose first line is the repository's password. Empty: the BACKBENCH_PASSWORD environment variable.");
        label(target, "");
        init = new Button(target, SWT.CHECK);
        init.setText("Create a new repository there (the location must be empty)");
        init.setData(Keys.FIELD, "init");
        Composite when = page(pages, "Schedule");
        label(when, "");
        enabled = new Button(when, SWT.CHECK);
        enabled.setText("Run on schedule (a disabled job still runs with Run Now)");
        enabled.setSelection(j == null || j.enabled());
        enabled.setData(Keys.FIELD, "enabled");
        schedule = field(when, "schedule", "Schedule", j == null ? "" : j.schedule(),
                "daily 02:30 | weekly mon,thu 03:00 | every 6h | cron 0 3 * * 1-5 | empty for on demand only.");
        Composite keep = page(pages, "Retention");
        retention = field(keep, "retention", "Keep", j == null ? "" : j.retention(),
                "last=7,daily=14,weekly=8,monthly=12,yearly=3 (empty keeps every snapshot).");
        readData = field(keep, "read-data", "Check reads", j == null ? "" : j.option(JobOptions.READ_DATA, ""),
                "For a check job: none, all, 5%, 2/10, or rotate/T. Empty: rotate/10, each run reads the next tenth of the "
                        + "data, so ten runs read all of it.");
        Composite goals = page(pages, "Objectives");
        rpo = field(goals, "rpo", "Recovery point (RPO)", j == null ? "" : Format.durationInput(j.rpo()),
                "The oldest the last good backup may be: 26h, 2d. The Dashboard turns amber at 80 % and red beyond it.");
        rto = field(goals, "rto", "Recovery time (RTO)", j == null ? "" : Format.durationInput(j.rto()),
                "How long a restore may take: 30m, 4h. Restore tests are measured against it.");
        problem = new Label(area, SWT.WRAP);
        problem.setData(Keys.FIELD, "problem");
        problem.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        problem.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return area;
    }

    @Override
    protected void okPressed() {
        try {
            JobDefinition d = build();
            check.accept(d);
            result = new Result(d, init.getSelection());
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            problem.getParent().layout(true, true);
            return;
        }
        super.okPressed();
    }

    private JobDefinition build() {
        List<String> srcs = Arrays.stream(sources.getText().split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        JobDefinition base = original == null ? JobDefinition.of(name.getText().trim(), kind.getText(), repository.getText().trim(), srcs)
                : new JobDefinition(original.id(), name.getText().trim(), kind.getText(), enabled.getSelection(), srcs,
                        repository.getText().trim(), "", "", null, null, original.options(), original.created(), original.updated());
        return base.withEnabled(enabled.getSelection()).withSchedule(schedule.getText()).withRetention(retention.getText())
                .withObjectives(Format.parseDuration(rpo.getText(), "The RPO"), Format.parseDuration(rto.getText(), "The RTO"))
                .withOption(JobOptions.EXCLUDES, excludes.getText().isBlank() ? null : excludes.getText().trim())
                .withOption(JobOptions.PASSWORD_FILE, passwordFile.getText().isBlank() ? null : passwordFile.getText().trim())
                .withOption(JobOptions.READ_DATA, readData.getText().isBlank() || !kind.getText().equals(JobKind.CHECK) ? null
                        : readData.getText().trim());
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Save", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    private static Composite page(TabFolder folder, String title) {
        TabItem item = new TabItem(folder, SWT.NONE);
        item.setText(title);
        Composite c = new Composite(folder, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        item.setControl(c);
        return c;
    }

    private static void label(Composite parent, String text) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(text);
        l.setLayoutData(new GridData(SWT.BEGINNING, SWT.BEGINNING, false, false));
    }

    private static void hint(Composite parent, String text) {
        label(parent, "");
        Label h = new Label(parent, SWT.WRAP);
        h.setText(text);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.widthHint = 420;
        h.setLayoutData(gd);
    }

    private static Text field(Composite parent, String key, String labelText, String value, String help) {
        label(parent, labelText);
        Text t = new Text(parent, SWT.BORDER);
        t.setText(value == null ? "" : value);
        t.setData(Keys.FIELD, key);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        hint(parent, help);
        return t;
    }

    /** An editable drop-down: one of {@code choices}, or any text. */
    private static Combo choiceOrText(Composite parent, String key, String labelText, String value, List<String> choices,
                                      String help) {
        label(parent, labelText);
        Combo c = new Combo(parent, SWT.DROP_DOWN | SWT.BORDER);
        c.setItems(choices.toArray(String[]::new));
        c.setText(value == null ? "" : value);
        c.setData(Keys.FIELD, key);
        c.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        hint(parent, help);
        return c;
    }

    private static Text area(Composite parent, String key, String labelText, String value, String help) {
        label(parent, labelText);
        Text t = new Text(parent, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
        t.setText(value == null ? "" : value);
        t.setData(Keys.FIELD, key);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        gd.heightHint = 60;
        t.setLayoutData(gd);
        hint(parent, help);
        return t;
    }
}
