package io.backbench.discovery.internal.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.backbench.device.api.Device;

/** The human-readable listing: one line per device, partitions indented under their disk. */
final class DeviceTable {
    private static final String[] HEADER = {"NAME", "KIND", "SIZE", "TABLE/TYPE", "FSTYPE", "LABEL", "UUID", "MOUNTPOINTS"};
    private final List<String[]> rows = new ArrayList<>();

    void add(Device d) {
        String name = d.parentId() == null ? d.path() : "  " + d.path();
        String table = d.isPartition() ? d.partitionType() : d.partitionTableType();
        rows.add(new String[] {name, d.kind().name().toLowerCase(Locale.ROOT), human(d.size()), table,
                d.filesystem() == null ? "" : d.filesystem().type(), d.filesystem() == null ? "" : d.filesystem().label(),
                d.filesystem() == null ? "" : d.filesystem().uuid(), String.join(",", d.mountPoints())});
    }

    void print(PrintStream out) {
        if (rows.isEmpty()) {
            out.println("No devices found.");
            return;
        }
        List<String[]> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        int[] widths = new int[HEADER.length];
        for (String[] r : all) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (String[] r : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i < r.length - 1) {
                    line.append(" ".repeat(widths[i] - r[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Sizes as lsblk shows them: 1024-based, one decimal below 10 (e.g. 512M, 1.5G). */
    static String human(long bytes) {
        String[] units = {"B", "K", "M", "G", "T", "P", "E"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return bytes + "B";
        }
        return (v < 10 && v != Math.floor(v) ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v))
                + units[u];
    }
}
