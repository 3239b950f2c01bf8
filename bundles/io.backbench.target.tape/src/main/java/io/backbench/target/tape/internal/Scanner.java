package io.backbench.target.tape.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds a lost catalog by reading the volumes: the label of each, then the pax headers of every
 * tape file in order (objects, and "deleted keys" files, which remove what they name). Tape files
 * cut short by the end of a medium or a crash hold no complete archive and are skipped, as are
 * cartridges of other libraries. Reads the cartridges of the magazine in order, or the one in a
 * manual drive. Called with the target's lock held, before the target is used.
 */
final class Scanner {
    private record ScannedVolume(Label label, List<String> lines) {
    }

    private Scanner() {
    }

    static TapeCatalog rebuild(TapeDrive drive, Path catalogFolder, String library) throws IOException {
        List<ScannedVolume> found = new ArrayList<>();
        List<String> candidates = drive.scanOrder().isEmpty() ? java.util.Collections.singletonList(null) : drive.scanOrder();
        for (String label : candidates) {
            if (label != null && !drive.load(label)) {
                continue;
            }
            Optional<Label> l = readLabel(drive);
            if (l.isPresent() && l.get().library().equals(library) && (label == null || l.get().volume().equals(label))) {
                found.add(new ScannedVolume(l.get(), scanFiles(drive, l.get())));
            }
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

    private static Optional<Label> readLabel(TapeDrive drive) throws IOException {
        drive.rewind();
        drive.setBlockSize(0);
        byte[] buf = new byte[Label.MAX_BLOCK];
        int n = drive.read(buf);
        if (n <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Label.parse(new PaxReader(new java.io.ByteArrayInputStream(buf, 0, n))));
        } catch (IOException e) {
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
