package io.backbench.ui.workbench.internal.views;

import java.nio.file.Path;
import java.util.Optional;

import io.backbench.ui.workbench.internal.Keys;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Widget;

/** A file to open, asked with the native file dialog. UI thread only. */
final class FileChoice {
    private FileChoice() {
    }

    /**
     * The file chosen in a native dialog titled {@code title}, or empty if none was chosen. If a test
     * has set an answer on {@code item} ({@link Keys#FILE_DIALOG_ANSWER}), that answer is used once
     * instead of asking.
     *
     * @param filters pairs of a filter extension ("*.jar") and its name ("Plugin bundles (*.jar)")
     */
    static Optional<Path> open(Widget item, Shell shell, String title, String... filters) {
        Object answer = item.getData(Keys.FILE_DIALOG_ANSWER);
        if (answer != null) {
            item.setData(Keys.FILE_DIALOG_ANSWER, null);
            return Optional.of(Path.of(answer.toString()));
        }
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText(title);
        String[] extensions = new String[filters.length / 2];
        String[] names = new String[filters.length / 2];
        for (int i = 0; i < extensions.length; i++) {
            extensions[i] = filters[2 * i];
            names[i] = filters[2 * i + 1];
        }
        dialog.setFilterExtensions(extensions);
        dialog.setFilterNames(names);
        return Optional.ofNullable(dialog.open()).map(Path::of);
    }
}
