package io.backbench.target.tape.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Where every object is on tape: key to (volume, tape file, byte offset of its data, size), and
 * what each volume is. Kept as an append-only text log {@code catalog.log} in the catalog folder
 * (one line per change, flushed before the call that made it returns), replayed at open. A line
 * cut short by a crash at the end is ignored; the scan of the volumes rebuilds the whole log.
 *
 * <p>Deletes: tape is append-only, so a delete is a line here at once and, before the next object
 * is written or when the target closes, a small "deleted keys" tape file, so that a catalog rebuilt
 * from the tapes does not bring deleted objects back. Callers hold the shared drive's lock.
 */
final class TapeCatalog {
    static final String LOG = "catalog.log";

    /** An object's place on tape. {@code offset} counts bytes from the start of the tape file to the data. */
    record Location(String volume, int file, long offset, long size, Instant modified) {
    }

    /** A labelled volume of this library. */
    record Volume(String label, int sequence, int blockSize, boolean full) {
    }

    private final Path log;
    private final NavigableMap<String, Location> objects = new TreeMap<>();
    private final Map<String, Volume> volumes = new LinkedHashMap<>();
    private final List<String> pendingDeletes = new ArrayList<>();

    private TapeCatalog(Path log) {
        this.log = log;
    }

    static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(LOG));
    }

    /** Opens the catalog in {@code folder}, creating an empty one if there is none. */
    static TapeCatalog open(Path folder) throws IOException {
        Files.createDirectories(folder);
        TapeCatalog c = new TapeCatalog(folder.resolve(LOG));
        if (Files.exists(c.log)) {
            String text = Files.readString(c.log, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            for (String line : text.substring(0, end + 1).split("\n")) {
                if (!line.isEmpty()) {
                    c.apply(line);
                }
            }
        }
        return c;
    }

    /** Replaces the catalog in {@code folder} by the lines of {@code rebuilt} (from a scan), atomically. */
    static TapeCatalog replace(Path folder, List<String> lines) throws IOException {
        Files.createDirectories(folder);
        Path tmp = folder.resolve(LOG + ".rebuilt");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, folder.resolve(LOG), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return open(folder);
    }

    NavigableMap<String, Location> objects() {
        return objects;
    }

    Map<String, Volume> volumes() {
        return volumes;
    }

    List<String> pendingDeletes() {
        return List.copyOf(pendingDeletes);
    }

    int nextSequence() {
        return volumes.values().stream().mapToInt(Volume::sequence).max().orElse(0) + 1;
    }

    static String volumeLine(String label, int sequence, int blockSize) {
        return "volume " + label + " " + sequence + " " + blockSize;
    }

    static String fullLine(String label) {
        return "full " + label;
    }

    static String putLine(String key, Location l) {
        return "put " + key + " " + l.volume() + " " + l.file() + " " + l.offset() + " " + l.size() + " " + l.modified().toEpochMilli();
    }

    static String deleteLine(String key) {
        return "del " + key;
    }

    static String deletesOnTapeLine() {
        return "deletes-on-tape";
    }

    void addVolume(String label, int sequence, int blockSize) throws IOException {
        append(volumeLine(label, sequence, blockSize));
    }

    void markFull(String label) throws IOException {
        append(fullLine(label));
    }

    void put(String key, Location location) throws IOException {
        append(putLine(key, location));
    }

    void delete(String key) throws IOException {
        append(deleteLine(key));
    }

    void deletesWrittenToTape() throws IOException {
        append(deletesOnTapeLine());
    }

    /**
     * Writes and flushes the line first: memory changes only once the log has it, so a failed
     * write (a full disk) changes neither; a part of the line written before the failure is cut
     * off again, so the next line does not join it.
     */
    private void append(String line) throws IOException {
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            long before = ch.size();
            try {
                ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(false);
            } catch (IOException e) {
                try {
                    ch.truncate(before);
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
                throw e;
            }
        }
        apply(line);
    }

    private void apply(String line) throws IOException {
        String[] f = line.split(" ");
        try {
            switch (f[0]) {
                case "volume" -> volumes.put(f[1], new Volume(f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), false));
                case "full" -> volumes.computeIfPresent(f[1], (k, v) -> new Volume(v.label(), v.sequence(), v.blockSize(), true));
                case "put" -> objects.put(f[1], new Location(f[2], Integer.parseInt(f[3]), Long.parseLong(f[4]),
                        Long.parseLong(f[5]), Instant.ofEpochMilli(Long.parseLong(f[6]))));
                case "del" -> {
                    objects.remove(f[1]);
                    pendingDeletes.add(f[1]);
                }
                case "deletes-on-tape" -> pendingDeletes.clear();
                default -> throw new IOException("unknown line");
            }
        } catch (RuntimeException e) {
            throw new IOException("the tape catalog " + log + " has a malformed line '" + line
                    + "'; move the file away and open the target again to rebuild it from the volumes", e);
        }
    }
}
