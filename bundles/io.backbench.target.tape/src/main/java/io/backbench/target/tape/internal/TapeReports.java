package io.backbench.target.tape.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.backbench.cli.api.CommandContext;
import io.backbench.cli.api.CommandLine;
import io.backbench.cli.api.Json;

/** The tape commands' results, as aligned text or as JSON ({@code --json}). */
final class TapeReports {

    private TapeReports() {
    }

    static int volumes(TapeLibrary library, List<TapeTools.Cartridge> cartridges, CommandContext ctx) {
        if (ctx.json()) {
            Map<String, Object> m = head(library);
            m.put("cartridges", cartridges.stream().map(TapeReports::json).toList());
            ctx.out().println(Json.write(m));
            return CommandLine.OK;
        }
        ctx.out().println("library " + library.name() + " in " + library.drive().describe() + " (catalog "
                + library.catalog() + ")");
        if (cartridges.isEmpty()) {
            ctx.out().println("no cartridges; label a blank one with 'backbench tape label LOCATION LABEL'");
            return CommandLine.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("CARTRIDGE", "STATE", "LABEL", "SEQ", "BLOCK", "FILES", "USED", "CAPACITY", "NOTE"));
        for (TapeTools.Cartridge c : cartridges) {
            rows.add(List.of(c.cartridge(), c.state().word(),
                    c.label().map(Label::volume).orElse("-"),
                    c.label().map(l -> Integer.toString(l.sequence())).orElse("-"),
                    c.label().map(l -> (l.blockSize() / 1024) + " KiB").orElse("-"),
                    Integer.toString(c.files()), TapeCommand.size(c.used()),
                    c.capacity() > 0 ? TapeCommand.size(c.capacity()) : "-", c.note()));
        }
        table(ctx.out(), rows);
        return CommandLine.OK;
    }

    static int labelled(TapeLibrary library, Label label, CommandContext ctx) {
        if (ctx.json()) {
            Map<String, Object> m = head(library);
            m.put("label", label.volume());
            m.put("sequence", label.sequence());
            m.put("block_size", label.blockSize());
            m.put("written", label.written().toString());
            ctx.out().println(Json.write(m));
        } else {
            ctx.out().println("labelled " + label.volume() + ": volume " + label.sequence() + " of library " + label.library()
                    + ", block size " + (label.blockSize() / 1024) + " KiB, in " + library.drive().describe());
        }
        return CommandLine.OK;
    }

    static int scanned(TapeLibrary library, TapeTools.ScanReport r, CommandContext ctx) {
        if (ctx.json()) {
            Map<String, Object> m = head(library);
            m.put("volumes", r.volumes().stream().map(TapeReports::json).toList());
            m.put("objects", r.objects());
            m.put("bytes", r.bytes());
            m.put("objects_before", r.objectsBefore() < 0 ? null : r.objectsBefore());
            m.put("skipped", r.skipped().stream().map(TapeReports::json).toList());
            ctx.out().println(Json.write(m));
            return CommandLine.OK;
        }
        PrintStream out = ctx.out();
        out.println("scanned " + library.drive().describe() + " (library " + library.name() + "): " + r.volumes().size()
                + (r.volumes().size() == 1 ? " volume, " : " volumes, ") + r.objects() + " objects, " + TapeCommand.size(r.bytes())
                + (r.objectsBefore() < 0 ? "; there was no catalog" : "; the catalog had " + r.objectsBefore() + " objects"));
        if (!r.volumes().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("VOLUME", "SEQ", "STATE", "TAPE FILES", "OBJECTS", "BYTES"));
            for (TapeTools.Found f : r.volumes()) {
                rows.add(List.of(f.label(), Integer.toString(f.sequence()), f.full() ? "full" : "open",
                        Integer.toString(f.tapeFiles()), Integer.toString(f.objects()), TapeCommand.size(f.bytes())));
            }
            table(out, rows);
        }
        for (TapeTools.Cartridge c : r.skipped()) {
            out.println("skipped cartridge " + c.cartridge() + ": " + (c.state() == TapeTools.State.BLANK ? "blank" : c.note()));
        }
        out.println("catalog rebuilt in " + library.catalog());
        return CommandLine.OK;
    }

    private static Map<String, Object> head(TapeLibrary library) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("library", library.name());
        m.put("drive", library.drive().describe());
        m.put("catalog", library.catalog().toString());
        return m;
    }

    private static Map<String, Object> json(TapeTools.Cartridge c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cartridge", c.cartridge());
        m.put("state", c.state().word());
        m.put("label", c.label().map(Label::volume).orElse(null));
        m.put("sequence", c.label().map(Label::sequence).orElse(null));
        m.put("block_size", c.label().map(Label::blockSize).orElse(null));
        m.put("volume_library", c.label().map(Label::library).orElse(null));
        m.put("files", c.files());
        m.put("bytes_used", c.used() < 0 ? null : c.used());
        m.put("capacity", c.capacity() > 0 ? c.capacity() : null);
        m.put("note", c.note());
        return m;
    }

    private static Map<String, Object> json(TapeTools.Found f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", f.label());
        m.put("sequence", f.sequence());
        m.put("block_size", f.blockSize());
        m.put("full", f.full());
        m.put("tape_files", f.tapeFiles());
        m.put("objects", f.objects());
        m.put("bytes", f.bytes());
        return m;
    }

    private static void table(PrintStream out, List<List<String>> rows) {
        int[] width = new int[rows.get(0).size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        });
        for (List<String> r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                b.append(i == r.size() - 1 ? r.get(i) : String.format("%-" + (width[i] + 2) + "s", r.get(i)));
            }
            out.println(b.toString().stripTrailing());
        }
    }
}
