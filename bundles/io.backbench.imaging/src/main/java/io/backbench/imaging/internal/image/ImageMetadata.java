package io.backbench.imaging.internal.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.backbench.imaging.api.ImagingException;
import io.backbench.imaging.internal.json.Json;
import io.backbench.imaging.internal.map.Extents;
import io.backbench.repository.api.Id;

/**
 * The metadata file beside the raw image in a snapshot ({@code backbench-image.json}): what a
 * restore, a verification or a person with only restic needs to know about the image.
 *
 * @param rawFile      the raw image's name in the snapshot's tree
 * @param source       the device or file imaged
 * @param sourceDevice its {@code major:minor} if it was a block device, else ""
 * @param size         its size in bytes
 * @param sectorSize   its logical sector size
 * @param chunkSize    bytes per chunk (the last may be shorter)
 * @param tableType    {@code gpt}, {@code dos} or ""
 * @param tableId      the GPT disk GUID or MBR disk id, or ""
 * @param filesystem   the filesystem on the whole source (number 0), or null
 * @param partitions   the partitions
 * @param used         the bytes in use (read when imaging; the rest is zero in the image)
 * @param unreadable   the bytes that could not be read (zero in the image)
 * @param chunks       the SHA-256 of every chunk in order (each is the chunk's blob id)
 * @param warnings     warnings given when imaging
 */
public record ImageMetadata(String rawFile, String source, String sourceDevice, long size, int sectorSize, int chunkSize,
        String tableType, String tableId, Part filesystem, List<Part> partitions, Extents used, Extents unreadable,
        List<Id> chunks, List<String> warnings) {
    public static final String FORMAT = "backbench-image";
    public static final int VERSION = 1;

    /**
     * A partition (or the whole source's filesystem, number 0) and its used map.
     *
     * @param fsType    blkid's type name, or "" if none was recognised
     * @param method    how the used blocks were found ({@code ext-bitmap}, {@code fat32}, {@code ntfs-bitmap}, {@code whole})
     * @param blockSize the filesystem's allocation unit, 0 if read whole
     * @param usedBytes bytes in use inside it
     */
    public record Part(int number, long start, long length, String type, String name, String uuid, String fsType,
            String label, String fsUuid, String method, int blockSize, long usedBytes) {
    }

    public ImageMetadata {
        partitions = List.copyOf(partitions);
        chunks = List.copyOf(chunks);
        warnings = List.copyOf(warnings);
    }

    public long chunkCount() {
        return (size + chunkSize - 1) / chunkSize;
    }

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("rawFile", rawFile);
        m.put("source", source);
        m.put("sourceDevice", sourceDevice);
        m.put("size", size);
        m.put("sectorSize", sectorSize);
        m.put("chunkSize", chunkSize);
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("type", tableType);
        table.put("id", tableId);
        m.put("partitionTable", tableType.isEmpty() ? null : table);
        m.put("filesystem", filesystem == null ? null : part(filesystem));
        List<Object> parts = new ArrayList<>();
        for (Part p : partitions) {
            parts.add(part(p));
        }
        m.put("partitions", parts);
        m.put("usedBytes", used.total());
        m.put("used", ranges(used));
        m.put("unreadable", ranges(unreadable));
        m.put("chunks", runs(chunks));
        m.put("warnings", warnings);
        return Json.write(m) + "\n";
    }

    private static Map<String, Object> part(Part p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", p.number);
        m.put("start", p.start);
        m.put("length", p.length);
        m.put("type", p.type);
        m.put("name", p.name);
        m.put("uuid", p.uuid);
        m.put("fsType", p.fsType);
        m.put("label", p.label);
        m.put("fsUuid", p.fsUuid);
        m.put("usedMap", p.method);
        m.put("blockSize", p.blockSize);
        m.put("usedBytes", p.usedBytes);
        return m;
    }

    private static List<Object> ranges(Extents e) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < e.count(); i++) {
            out.add(List.of(e.start(i), e.end(i) - e.start(i)));
        }
        return out;
    }

    /** Runs of equal ids: an image is mostly runs of the zero chunk. */
    private static List<Object> runs(List<Id> ids) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < ids.size()) {
            int j = i;
            while (j < ids.size() && ids.get(j).equals(ids.get(i))) {
                j++;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("sha256", ids.get(i).hex());
            r.put("count", (long) (j - i));
            out.add(r);
            i = j;
        }
        return out;
    }

    /** Reads the metadata file; anything missing or malformed is an error naming it. */
    public static ImageMetadata parse(String json) throws ImagingException {
        try {
            Map<?, ?> m = (Map<?, ?>) Json.parse(json);
            if (!FORMAT.equals(m.get("format"))) {
                throw new ImagingException("not Backbench image metadata (format is " + m.get("format") + ")");
            }
            if (num(m, "version") > VERSION) {
                throw new ImagingException("the image metadata has version " + m.get("version")
                        + "; this Backbench reads version " + VERSION + " only: use a newer Backbench");
            }
            Map<?, ?> table = (Map<?, ?>) m.get("partitionTable");
            List<Part> parts = new ArrayList<>();
            for (Object o : (List<?>) m.get("partitions")) {
                parts.add(part((Map<?, ?>) o));
            }
            List<Id> chunks = new ArrayList<>();
            for (Object o : (List<?>) m.get("chunks")) {
                Map<?, ?> r = (Map<?, ?>) o;
                Id id = Id.parse((String) r.get("sha256"));
                for (long k = num(r, "count"); k > 0; k--) {
                    chunks.add(id);
                }
            }
            List<String> warnings = new ArrayList<>();
            for (Object o : (List<?>) m.get("warnings")) {
                warnings.add((String) o);
            }
            return new ImageMetadata((String) m.get("rawFile"), (String) m.get("source"), (String) m.get("sourceDevice"),
                    num(m, "size"), (int) num(m, "sectorSize"), (int) num(m, "chunkSize"),
                    table == null ? "" : (String) table.get("type"), table == null ? "" : (String) table.get("id"),
                    m.get("filesystem") == null ? null : part((Map<?, ?>) m.get("filesystem")), parts,
                    extents(m.get("used")), extents(m.get("unreadable")), chunks, warnings);
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new ImagingException("the image metadata is damaged or incomplete: " + e, e);
        }
    }

    private static Part part(Map<?, ?> m) {
        return new Part((int) num(m, "number"), num(m, "start"), num(m, "length"), (String) m.get("type"), (String) m.get("name"),
                (String) m.get("uuid"), (String) m.get("fsType"), (String) m.get("label"), (String) m.get("fsUuid"),
                (String) m.get("usedMap"), (int) num(m, "blockSize"), num(m, "usedBytes"));
    }

    private static Extents extents(Object o) {
        Extents.Builder b = new Extents.Builder();
        for (Object r : (List<?>) o) {
            List<?> l = (List<?>) r;
            b.add((Long) l.get(0), (Long) l.get(1));
        }
        return b.build();
    }

    private static long num(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Long l)) {
            throw new IllegalArgumentException("'" + key + "' is missing or not a whole number");
        }
        return l;
    }
}
