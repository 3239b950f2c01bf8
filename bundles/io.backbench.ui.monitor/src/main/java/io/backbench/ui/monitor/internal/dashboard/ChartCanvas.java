package io.backbench.ui.monitor.internal.dashboard;

import java.util.function.BiFunction;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

import io.backbench.ui.monitor.internal.Background;
import io.backbench.ui.monitor.internal.Keys;

/**
 * One chart: a canvas that shows an image drawn on the worker thread at the canvas's size, drawn
 * again when the size or the data changes. UI thread, except the drawing function.
 */
final class ChartCanvas {
    private final Canvas canvas;
    private final Background background;
    private BiFunction<Integer, Integer, ImageData> drawing;
    private Image image;
    private Point drawnAt = new Point(0, 0);

    ChartCanvas(Composite parent, String part, Background background) {
        this.background = background;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setData(Keys.PART, part);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        canvas.addListener(SWT.Paint, e -> {
            if (image != null) {
                e.gc.drawImage(image, 0, 0);
            }
        });
        canvas.addListener(SWT.Resize, e -> {
            Point s = canvas.getSize();
            if (Math.abs(s.x - drawnAt.x) > 8 || Math.abs(s.y - drawnAt.y) > 8) {
                redraw();
            }
        });
        canvas.addListener(SWT.Dispose, e -> {
            if (image != null) {
                image.dispose();
            }
        });
    }

    Canvas control() {
        return canvas;
    }

    /** Whether a chart image is shown (for tests and screenshots). */
    boolean drawn() {
        return image != null;
    }

    void show(BiFunction<Integer, Integer, ImageData> draw) {
        drawing = draw;
        redraw();
    }

    private void redraw() {
        BiFunction<Integer, Integer, ImageData> draw = drawing;
        Point size = canvas.getSize();
        if (draw == null || size.x < 20 || size.y < 20) {
            return;
        }
        drawnAt = size;
        background.load("Dashboard chart", () -> draw.apply(size.x, size.y), data -> {
            if (canvas.isDisposed()) {
                return;
            }
            if (image != null) {
                image.dispose();
            }
            image = new Image(canvas.getDisplay(), data);
            canvas.setData("backbench.chart.drawn", Boolean.TRUE);
            canvas.redraw();
        });
    }
}
