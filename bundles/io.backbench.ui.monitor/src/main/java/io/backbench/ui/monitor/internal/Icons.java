package io.backbench.ui.monitor.internal;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

import io.backbench.catalog.api.RpoState;
import io.backbench.catalog.api.RunStatus;

/** Small round status lamps, made once per Display and disposed with it. UI thread only. */
public final class Icons {
    /** The lamp colours: green, amber, red, grey, blue. */
    public enum Lamp {
        GREEN(new RGB(46, 160, 67)), AMBER(new RGB(230, 160, 20)), RED(new RGB(210, 45, 45)), GREY(new RGB(150, 150, 150)),
        BLUE(new RGB(50, 110, 220));

        public final RGB rgb;

        Lamp(RGB rgb) {
            this.rgb = rgb;
        }
    }

    private static final String KEY = "io.backbench.ui.monitor.icons";

    private Icons() {
    }

    public static Image lamp(Display display, Lamp lamp) {
        @SuppressWarnings("unchecked")
        Map<Lamp, Image> images = (Map<Lamp, Image>) display.getData(KEY);
        if (images == null) {
            Map<Lamp, Image> made = new EnumMap<>(Lamp.class);
            images = made;
            display.setData(KEY, made);
            display.disposeExec(() -> made.values().forEach(Image::dispose));
        }
        return images.computeIfAbsent(lamp, l -> draw(display, l));
    }

    public static Lamp of(RunStatus s) {
        return switch (s) {
            case SUCCEEDED -> Lamp.GREEN;
            case SUCCEEDED_WITH_WARNINGS -> Lamp.AMBER;
            case FAILED, INTERRUPTED -> Lamp.RED;
            case CANCELLED -> Lamp.GREY;
            case RUNNING -> Lamp.BLUE;
        };
    }

    public static Lamp of(RpoState s) {
        return switch (s) {
            case GREEN -> Lamp.GREEN;
            case AMBER -> Lamp.AMBER;
            case RED -> Lamp.RED;
            case NONE -> Lamp.GREY;
        };
    }

    /** A filled circle with soft (alpha) edges, so it sits on any row colour without a box around it. */
    private static Image draw(Display display, Lamp lamp) {
        int size = 14;
        ImageData data = new ImageData(size, size, 24, new org.eclipse.swt.graphics.PaletteData(0xff0000, 0xff00, 0xff));
        int pixel = data.palette.getPixel(lamp.rgb);
        double c = (size - 1) / 2.0;
        double r = 5.5;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                data.setPixel(x, y, pixel);
                double d = Math.hypot(x - c, y - c);
                int alpha = (int) Math.round(255 * Math.max(0, Math.min(1, r + 0.5 - d)));
                data.setAlpha(x, y, alpha);
            }
        }
        return new Image(display, data);
    }
}
