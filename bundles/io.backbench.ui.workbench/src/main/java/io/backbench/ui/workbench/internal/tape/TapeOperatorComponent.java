package io.backbench.ui.workbench.internal.tape;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.backbench.target.tape.api.VolumeOperator;
import io.backbench.ui.workbench.internal.OpenWorkbench;

/**
 * The workbench as the tape operator: when a tape job needs a cartridge, a modal dialog asks the
 * person at the screen, with a status-line message and a notification that stays until answered.
 * Registered only while the workbench window is open (it needs {@link OpenWorkbench}), and only
 * usable where the tape API is installed (this bundle imports it optionally).
 *
 * <p>{@link #requestVolume} runs on the job's thread and blocks it (never the UI thread) until the
 * answer, the timeout, or the window closing. Several questions may be open at once, one dialog each.
 */
@Component(service = VolumeOperator.class)
public class TapeOperatorComponent implements VolumeOperator {
    /** The dialog closes itself at the deadline; the job thread waits a little longer for that answer. */
    private static final long GRACE_MS = 2000;

    private final OpenWorkbench workbench;
    private final Set<CompletableFuture<Optional<String>>> pending = ConcurrentHashMap.newKeySet();

    @Activate
    public TapeOperatorComponent(@Reference OpenWorkbench workbench) {
        this.workbench = workbench;
    }

    /** The window is closing (or this bundle stopping): every waiting job gets "no volume". */
    @Deactivate
    void deactivate() {
        pending.forEach(f -> f.complete(Optional.empty()));
    }

    @Override
    public Optional<String> requestVolume(VolumeRequest request, Duration timeout) {
        VolumeQuestion question = new VolumeQuestion(request);
        Instant deadline = Instant.now().plus(timeout);
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Display display = workbench.display();
        if (display == null || display.isDisposed()) {
            return Optional.empty();
        }
        if (display.getThread() == Thread.currentThread()) {
            workbench.log().error("a tape volume was requested on the UI thread, which must not wait; answered no volume");
            return Optional.empty();
        }
        workbench.log().warn("tape: {} Waiting for the operator (at most {} s).", question.headline(), timeout.toSeconds());
        pending.add(answer);
        Asked asked = new Asked();
        try {
            display.asyncExec(() -> asked.open(question, deadline, answer));
            Optional<String> result = answer.get(timeout.toMillis() + GRACE_MS, TimeUnit.MILLISECONDS);
            workbench.log().info("tape: {}", result.map(l -> "the operator loaded " + l + " into " + question.where())
                    .orElse("no volume for " + question.where() + "; the job stops"));
            return result;
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | SWTException e) {
            workbench.log().error("tape: could not ask the operator for a volume: {}", e.toString(), e);
            return Optional.empty();
        } finally {
            pending.remove(answer);
            answer.complete(Optional.empty());
            dismiss(display, asked);
        }
    }

    private static void dismiss(Display display, Asked asked) {
        try {
            display.asyncExec(asked::close);
        } catch (SWTException windowGone) {
            // the display is disposed, and with it the dialog
        }
    }

    /** The widgets of one question. UI thread only. */
    private final class Asked {
        private VolumeDialog dialog;
        private VolumeNotification notification;

        void open(VolumeQuestion question, Instant deadline, CompletableFuture<Optional<String>> answer) {
            if (answer.isDone() || workbench.shell() == null || workbench.shell().isDisposed()) {
                answer.complete(Optional.empty());
                return;
            }
            workbench.setStatus("Tape: " + question.headline() + " A job is waiting.");
            notification = VolumeNotification.open(workbench.shell(), question);
            dialog = new VolumeDialog(workbench.shell(), question, deadline, value -> {
                answer.complete(value);
                workbench.setStatus("Tape: " + value.map(l -> "volume " + l + " loaded into " + question.where() + "; the job goes on.")
                        .orElse("no volume loaded into " + question.where() + "; the job stops."));
                closeNotification();
            });
            dialog.open();
        }

        void close() {
            closeNotification();
            if (dialog != null) {
                VolumeDialog d = dialog;
                dialog = null;
                d.dismiss();
            }
        }

        private void closeNotification() {
            if (notification != null) {
                notification.close();
                notification = null;
            }
        }
    }
}
