package io.backbench.ui.monitor.itests;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Widget;

import io.backbench.ui.testing.Ui;

/**
 * The Job History's page bar as a user sees it: the range it reads ("Runs 1,001-2,000 of 3,000")
 * and its First/Previous/Next/Last buttons. The tests read the page's start from the label, so a
 * label that lies about the rows shown fails their row checks. UI thread only.
 */
final class HistoryPages {
    private static final Pattern RANGE = Pattern.compile("Runs ([\\d,]+)-([\\d,]+) of ([\\d,]+)");

    /** What the bar says: the first row (0-based, of the query), the rows on the page, the query's total. */
    record Range(int start, int rows, long total) {
    }

    private HistoryPages() {
    }

    static Range range(Composite view) {
        String text = ((Label) only(view, "backbench.part", "page-range")).getText();
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            throw new AssertionError("the page bar reads \"" + text + "\", not \"Runs <first>-<last> of <total>\"");
        }
        int first = number(m.group(1));
        int last = number(m.group(2));
        return new Range(Math.max(0, first - 1), first == 0 ? 0 : last - first + 1, Long.parseLong(m.group(3).replace(",", "")));
    }

    static boolean visible(Composite view) {
        return only(view, "backbench.part", "pages") instanceof Composite bar && bar.isVisible();
    }

    static boolean enabled(Composite view, String action) {
        return ((Button) only(view, "backbench.action", action)).isEnabled();
    }

    /** Presses First, Previous, Next or Last as a click would; fails if the button is disabled. */
    static void press(Composite view, String action) {
        Button b = (Button) only(view, "backbench.action", action);
        if (!b.isEnabled() || !b.isVisible()) {
            throw new AssertionError("the page bar's " + action + " button cannot be pressed now (" + b.getText() + ")");
        }
        Event e = new Event();
        e.widget = b;
        b.notifyListeners(SWT.Selection, e);
    }

    private static Widget only(Composite view, String key, String value) {
        List<Widget> found = Ui.find(view, Ui.data(key, value));
        return Optional.ofNullable(found.size() == 1 ? found.get(0) : null)
                .orElseThrow(() -> new AssertionError(found.size() + " widgets with " + key + "=" + value + " in the Job History"));
    }

    private static int number(String s) {
        return Integer.parseInt(s.replace(",", ""));
    }
}
