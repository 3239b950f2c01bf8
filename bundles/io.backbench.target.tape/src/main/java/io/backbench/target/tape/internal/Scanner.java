package io.backbench.target.tape.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rebuilds a lost catalog by reading the volumes: the label of each, then the pax headers of every
 * tape file in order (objects, and "deleted keys" files, which remove what they name). Tape files
 * cut short by the end of a medium or a crash hold no complete archive and are skipped, as are
 * cartridges of other libraries. Reads the cartridges of the magazine in order, or the one in a
 * manual drive (adding it to the ones scanned before). Called with the library to itself (the
 * process lock held), before a target uses the catalog.
 */
final class Scanner {
    private record ScannedVolume(Label label, List<String> lines) {
    }

    private Scanner() {
    }

    static final String SCANNED = "scanned";

    static TapeCatalog rebuild(TapeDrive drive, Path catalogFolder, String library) throws IOException {
        List<ScannedVolume> found = new ArrayList<>();
        boolean manual = drive.scanOrder().isEmpty();
        List<String> candidates = manual ? java.util.Collections.singletonList(null) : drive.scanOrder();
        for (String label : candidates) {
            if (label != null && !drive.load(label)) {
                continue;
            }
            Optional<Label> l = readLabel(drive);
            if (l.isPresent() && l.get().library().equals(library) && (label == null || l.get().volume().equals(label))) {
                found.add(new ScannedVolume(l.get(), scanFiles(drive, l.get())));
            }
        }
        if (manual) {
            found = withEarlierScans(catalogFolder, found);
        }
        found.sort(Comparator.comparingInt(v -> v.label().sequence()));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Label l = found.get(i).label();
            lines.add(TapeCatalog.volumeLine(l.volume(), l.sequence(), l.blockSize()));
            if (i < found.size() - 1) {
                // a later volume exists, so this one was full when the writer moved on
                lines.add(TapeCatalog.fullLine(l.volume()));
            }
        }
        found.forEach(v -> lines.addAll(v.lines()));
        lines.add(TapeCatalog.deletesOnTapeLine());
        return TapeCatalog.replace(catalogFolder, lines);
    }

    /**
     * A manual drive sees one cartridge per scan: each scan keeps what it found in
     * {@code <catalog>/scanned/<volume>.lines}, and the catalog is built from every cartridge
     * scanned so far, so scanning each cartridge in turn gives the whole library. The first target
     * opened on the catalog ends the round ({@link #forgetScannedVolumes}): later writes make those
     * files outdated.
     */
    private static List<ScannedVolume> withEarlierScans(Path catalogFolder, List<ScannedVolume> now) throws IOException {
        Path dir = catalogFolder.resolve(SCANNED);
        Files.createDirectories(dir);
        for (ScannedVolume v : now) {
            List<String> text = new ArrayList<>();
            text.add(TapeCatalog.volumeLine(v.label().volume(), v.label().sequence(), v.label().blockSize()));
            text.addAll(v.lines());
            Path tmp = dir.resolve(v.label().volume() + ".tmp");
            Files.write(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(v.label().volume() + ".lines"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        List<ScannedVolume> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".lines")).sorted().toList()) {
                List<String> text = Files.readAllLines(p, StandardCharsets.UTF_8);
                String[] v = text.isEmpty() ? new String[0] : text.get(0).split(" ");
                if (v.length != 4 || !v[0].equals("volume")) {
                    throw new IOException(p + " is not a scanned volume; delete the folder " + dir + " and scan every cartridge again");
                }
                all.add(new ScannedVolume(new Label(v[1], Integer.parseInt(v[2]), Integer.parseInt(v[3]), "", Instant.EPOCH),
                        text.subList(1, text.size())));
            }
        }
        return all;
    }

    /** Ends a round of scans of a manual drive's cartridges (see {@link #withEarlierScans}). */
    static void forgetScannedVolumes(Path catalogFolder) throws IOException {
        Path dir = catalogFolder.resolve(SCANNED);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    private static Optional<Label> readLabel(TapeDrive drive) throws IOException {
        try {
            return Volumes.labelOf(drive);
        } catch (Volumes.NotALabelException notOurs) {
            // blank, foreign or not a Backbench volume at all: nothing of this library to scan
            return Optional.empty();
        }
    }

    private static List<String> scanFiles(TapeDrive drive, Label label) throws IOException {
        List<String> lines = new ArrayList<>();
        drive.rewind();
        drive.setBlockSize(label.blockSize());
        drive.skipFiles(1);
        for (int file = 1;; file++) {
            TapeFileInput in = new TapeFileInput(drive, label.blockSize());
            List<String> fileLines = new ArrayList<>();
            boolean complete = false;
            boolean empty = true;
            try {
                PaxReader r = new PaxReader(in);
                for (PaxReader.Entry e = r.next(); e != null; e = r.next()) {
                    empty = false;
                    entry(label, file, e, r, fileLines);
                }
                complete = true;
            } catch (PaxReader.TruncatedArchiveException e) {
                // a tape file cut by the end of the medium or a crash: its object was written again later
            }
            in.drain();
            if (complete) {
                lines.addAll(fileLines);
            }
            if (empty && !complete && drive.fileNumber() == file) {
                return lines;
            }
        }
    }

    private static void entry(Label label, int file, PaxReader.Entry e, PaxReader r, List<String> out) throws IOException {
        if ("object".equals(e.type())) {
            String key = e.pax().getOrDefault(Pax.KEY, e.path());
            out.add(TapeCatalog.putLine(key, new TapeCatalog.Location(label.volume(), file, e.dataOffset(), e.size(),
                    mtime(e.pax().get("mtime")))));
        } else if ("deleted".equals(e.type())) {
            String keys = new String(r.readData(64 << 20), StandardCharsets.UTF_8);
            keys.lines().filter(k -> !k.isBlank()).forEach(k -> out.add(TapeCatalog.deleteLine(k)));
        }
    }

    private static Instant mtime(String pax) {
        if (pax == null) {
            return Instant.EPOCH;
        }
        BigDecimal s = new BigDecimal(pax);
        return Instant.ofEpochSecond(s.longValue(), s.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
}
