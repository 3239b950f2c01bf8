package io.backbench.ui.workbench.internal.tape;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.backbench.ui.workbench.internal.Keys;

/**
 * The modal "load a tape volume" dialog: what happened, the label to use, the time left, Continue
 * and Cancel. It does not block its opener (the question comes from a job thread through
 * {@code asyncExec}); the answer goes to {@code answered} exactly once, on the UI thread: the label
 * on Continue, empty on Cancel, on closing the window, or when the time is up. UI thread only.
 */
final class VolumeDialog extends Dialog {
    /** On the dialog's shell ({@link Keys#DIALOG}). */
    static final String NAME = "tape-volume";
    /** On the label field ({@code Widget.setData(LABEL_FIELD, Boolean.TRUE)}). */
    static final String LABEL_FIELD = "backbench.tape.label";
    private static final int TICK_MS = 1000;

    private final VolumeQuestion question;
    private final Instant deadline;
    private final Consumer<Optional<String>> answered;
    private Text label;
    private Label problem;
    private Label timeLeft;
    private boolean done;

    VolumeDialog(Shell parent, VolumeQuestion question, Instant deadline, Consumer<Optional<String>> answered) {
        super(parent);
        this.question = question;
        this.deadline = deadline;
        this.answered = answered;
        setBlockOnOpen(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(question.title());
        shell.setData(Keys.DIALOG, NAME);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        ((GridLayout) area.getLayout()).numColumns = 2;
        Label message = new Label(area, SWT.WRAP);
        message.setText(question.message());
        GridData md = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        md.widthHint = 520;
        message.setLayoutData(md);

        new Label(area, SWT.NONE).setText(question.request().wantsBlank() ? "Label of the blank cartridge:" : "Volume:");
        label = new Text(area, SWT.BORDER | (question.request().wantsBlank() ? SWT.NONE : SWT.READ_ONLY));
        label.setData(LABEL_FIELD, Boolean.TRUE);
        label.setText(question.suggestedLabel());
        label.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        label.addListener(SWT.Modify, e -> validate());

        problem = new Label(area, SWT.WRAP);
        problem.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        timeLeft = new Label(area, SWT.NONE);
        timeLeft.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        tick();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Continue", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    @Override
    protected void okPressed() {
        if (VolumeQuestion.labelProblem(label.getText()).isEmpty()) {
            answer(Optional.of(label.getText().trim()));
            super.okPressed();
        }
    }

    /** Cancel, Escape and the window's close button all come here or to {@link #close()}. */
    @Override
    protected void cancelPressed() {
        answer(Optional.empty());
        super.cancelPressed();
    }

    @Override
    public boolean close() {
        answer(Optional.empty());
        return super.close();
    }

    /** Closes the dialog without an answer of the operator's: the job gave up or went away. */
    void dismiss() {
        Shell shell = getShell();
        if (shell != null && !shell.isDisposed()) {
            close();
        }
    }

    private void answer(Optional<String> value) {
        if (!done) {
            done = true;
            answered.accept(value);
        }
    }

    private void validate() {
        Optional<String> why = VolumeQuestion.labelProblem(label.getText());
        problem.setText(why.orElse(""));
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(why.isEmpty());
        }
    }

    /** Counts the time left down once a second; closes the dialog when it is up. */
    private void tick() {
        if (timeLeft.isDisposed()) {
            return;
        }
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            dismiss();
            return;
        }
        timeLeft.setText(VolumeQuestion.timeLeft(left));
        timeLeft.getParent().layout();
        timeLeft.getDisplay().timerExec(TICK_MS, this::tick);
    }
}
