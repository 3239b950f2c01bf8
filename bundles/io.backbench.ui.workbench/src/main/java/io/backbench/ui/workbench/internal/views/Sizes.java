package io.backbench.ui.workbench.internal.views;

import java.util.Locale;

/** Byte counts for people: "931.5 GiB". */
final class Sizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {
    }

    /** "" for 0 (unknown or not applicable). */
    static String format(long bytes) {
        if (bytes <= 0) {
            return "";
        }
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
