package io.backbench.target.tape.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What an administrator does to a tape library outside a backup (the {@code backbench tape}
 * commands): list its cartridges, label a blank one, rebuild the catalog from the volumes. Each
 * call uses the drive alone and closes it; none runs while a job writes to the same library.
 */
final class TapeTools {

    /** What a cartridge holds. */
    enum State {
        /** A volume of this library that takes more tape files. */
        OPEN,
        /** A volume of this library that the catalog marks full. */
        FULL,
        /** Nothing recorded: ready to be labelled. */
        BLANK,
        /** A volume of another library, or data that is not a Backbench volume: never written to. */
        FOREIGN,
        /** In the catalog, but not in the library (taken out, or in a manual drive not loaded now). */
        MISSING;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One cartridge. {@code cartridge} is its slot name (the folder of a virtual cartridge), or
     * "(in drive)" for the cartridge in a manual drive; {@code label} is read from the tape.
     * {@code used} is -1 and {@code capacity} 0 when the drive cannot tell.
     */
    record Cartridge(String cartridge, State state, Optional<Label> label, int files, long used, long capacity,
                     String note) {
    }

    /** A volume found by a scan, with what the rebuilt catalog holds on it. */
    record Found(String label, int sequence, int blockSize, int tapeFiles, int objects, long bytes, boolean full) {
    }

    /** @param objectsBefore the objects of the catalog before the scan, -1 when there was none */
    record ScanReport(List<Found> volumes, List<Cartridge> skipped, int objects, long bytes, int objectsBefore) {
    }

    static final String IN_DRIVE = "(in drive)";

    private TapeTools() {
    }

    /** Every cartridge of the library, read from the tapes, then the catalog's volumes not found. */
    static List<Cartridge> volumes(TapeLibrary library) throws IOException {
        Optional<TapeCatalog> catalog = TapeCatalog.exists(library.catalog())
                ? Optional.of(TapeCatalog.open(library.catalog())) : Optional.empty();
        Map<String, TapeCatalog.Volume> known = catalog.map(TapeCatalog::volumes).orElse(Map.of());
        List<Cartridge> out = new ArrayList<>();
        TapeDrive drive = library.drive();
        try {
            for (String slot : slots(library)) {
                out.add(read(library, slot, known));
            }
        } finally {
            drive.close();
        }
        for (TapeCatalog.Volume v : known.values()) {
            boolean seen = out.stream().anyMatch(c -> c.label().map(l -> l.volume().equals(v.label())
                    && l.library().equals(library.name())).orElse(false));
            if (!seen) {
                out.add(new Cartridge(v.label(), State.MISSING, Optional.of(new Label(v.label(), v.sequence(), v.blockSize(),
                        library.name(), java.time.Instant.EPOCH)), filesInCatalog(catalog.get(), v.label()), -1,
                        library.capacity(), "in the catalog, not in " + drive.describe()));
            }
        }
        return out;
    }

    /**
     * Labels the blank cartridge {@code label} (a virtual library makes its folder; a manual drive
     * labels the cartridge it holds) as the library's next volume. Refuses a cartridge that is not blank.
     */
    static Label label(TapeLibrary library, String label) throws IOException {
        Volumes.checkLabel(label);
        TapeDrive drive = library.drive();
        try {
            TapeCatalog catalog = TapeCatalog.exists(library.catalog()) ? TapeCatalog.open(library.catalog())
                    : Scanner.rebuild(drive, library.catalog(), library.name());
            TapeCatalog.Volume known = catalog.volumes().get(label);
            if (known != null) {
                throw new IOException("library " + library.name() + " already has a volume " + label + " (sequence "
                        + known.sequence() + "); give the new cartridge another label");
            }
            String where = drive.load(label) ? "cartridge " + label : "the cartridge in " + drive.describe();
            Optional<Label> onTape;
            try {
                onTape = readLabel(drive);
            } catch (IOException notOurs) {
                throw new IOException(where + " is not blank: it holds data that is not a Backbench volume; it was not"
                        + " changed. Label a blank cartridge (or erase this one with the drive's own tools first)", notOurs);
            }
            if (onTape.isPresent()) {
                Label l = onTape.get();
                throw new IOException(where + " is not blank: it is volume " + l.volume() + " (sequence " + l.sequence()
                        + ") of library " + l.library() + "; it was not changed. Label a blank cartridge");
            }
            Volumes volumes = new Volumes(drive, catalog, library.name(), library.blockSize(), Optional::empty,
                    library.operatorTimeout());
            return volumes.writeLabel(label);
        } finally {
            drive.close();
        }
    }

    /** Rebuilds the catalog from the volumes, replacing the one there is. */
    static ScanReport scan(TapeLibrary library) throws IOException {
        int before = TapeCatalog.exists(library.catalog()) ? TapeCatalog.open(library.catalog()).objects().size() : -1;
        List<Cartridge> skipped = volumes(library).stream()
                .filter(c -> c.state() == State.BLANK || c.state() == State.FOREIGN).toList();
        TapeCatalog rebuilt;
        try {
            rebuilt = Scanner.rebuild(library.drive(), library.catalog(), library.name());
        } finally {
            library.drive().close();
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        Map<String, java.util.Set<Integer>> files = new LinkedHashMap<>();
        rebuilt.objects().values().forEach(loc -> {
            counts.computeIfAbsent(loc.volume(), k -> new int[1])[0]++;
            bytes.merge(loc.volume(), loc.size(), Long::sum);
            files.computeIfAbsent(loc.volume(), k -> new java.util.HashSet<>()).add(loc.file());
        });
        List<Found> found = new ArrayList<>();
        for (TapeCatalog.Volume v : rebuilt.volumes().values()) {
            found.add(new Found(v.label(), v.sequence(), v.blockSize(), files.getOrDefault(v.label(), java.util.Set.of()).size(),
                    counts.getOrDefault(v.label(), new int[1])[0], bytes.getOrDefault(v.label(), 0L), v.full()));
        }
        found.sort(java.util.Comparator.comparingInt(Found::sequence));
        long total = bytes.values().stream().mapToLong(Long::longValue).sum();
        return new ScanReport(found, skipped, rebuilt.objects().size(), total, before);
    }

    /** The cartridges to look at: a virtual library's folders and magazine, or the one in a manual drive. */
    private static List<String> slots(TapeLibrary library) throws IOException {
        List<String> order = library.drive().scanOrder();
        return order.isEmpty() ? java.util.Collections.singletonList(null) : order;
    }

    private static Cartridge read(TapeLibrary library, String slot, Map<String, TapeCatalog.Volume> known) throws IOException {
        TapeDrive drive = library.drive();
        String name = slot == null ? IN_DRIVE : slot;
        if (slot != null && library.folder() != null && !Files.isDirectory(library.folder().resolve(slot))) {
            return new Cartridge(name, State.BLANK, Optional.empty(), 0, 0, library.capacity(), "in the magazine, not made yet");
        }
        if (slot != null && !drive.load(slot)) {
            return new Cartridge(name, State.MISSING, Optional.empty(), 0, -1, library.capacity(), "the drive cannot load it");
        }
        Optional<Label> label;
        try {
            label = readLabel(drive);
        } catch (IOException notOurs) {
            return usage(library, name, State.FOREIGN, Optional.empty(), "holds data that is not a Backbench volume");
        }
        if (label.isEmpty()) {
            return usage(library, name, State.BLANK, label, "");
        }
        Label l = label.get();
        if (!l.library().equals(library.name())) {
            return usage(library, name, State.FOREIGN, label, "a volume of library " + l.library());
        }
        TapeCatalog.Volume v = known.get(l.volume());
        State state = v != null && v.full() ? State.FULL : State.OPEN;
        return usage(library, name, state, label, v == null && !known.isEmpty() ? "not in the catalog: run 'backbench tape scan'" : "");
    }

    /** Adds the tape files and bytes on the loaded cartridge. */
    private static Cartridge usage(TapeLibrary library, String name, State state, Optional<Label> label, String note)
            throws IOException {
        TapeDrive drive = library.drive();
        drive.rewind();
        drive.toEndOfData();
        int files = drive.fileNumber();
        OptionalLong remaining = drive.remaining();
        long used = remaining.isPresent() && library.capacity() > 0 ? library.capacity() - remaining.getAsLong() : -1;
        return new Cartridge(name, state, label, files, used, library.capacity(), note);
    }

    /** The label of the loaded cartridge, empty when blank; an IOException when it holds something else. */
    private static Optional<Label> readLabel(TapeDrive drive) throws IOException {
        return Volumes.labelOf(drive);
    }

    private static int filesInCatalog(TapeCatalog catalog, String volume) {
        TreeMap<Integer, Boolean> files = new TreeMap<>();
        catalog.objects().values().stream().filter(l -> l.volume().equals(volume)).forEach(l -> files.put(l.file(), true));
        return files.size();
    }
}
