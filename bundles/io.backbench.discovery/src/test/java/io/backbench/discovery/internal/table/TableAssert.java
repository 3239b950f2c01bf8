package io.backbench.discovery.internal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.backbench.discovery.internal.source.FileBlockSource;
import io.backbench.discovery.testing.Json;
import io.backbench.discovery.testing.Tools;

/** Compares a table we read with {@code sfdisk -J} on the same file. */
final class TableAssert {
    private TableAssert() {
    }

    static PartitionTable read(Path img, int sectorSize) throws IOException {
        try (FileBlockSource s = FileBlockSource.openFile(img)) {
            PartitionTable gpt = PartitionTable.readGpt(s, sectorSize);
            return gpt != null ? gpt : PartitionTable.readMbr(s, sectorSize);
        }
    }

    static PartitionTable assertLikeSfdisk(Path img) throws IOException {
        Map<String, Object> oracle = Json.object(Json.object(Json.parse(Tools.run("sfdisk", "-J", img.toString())))
                .get("partitiontable"));
        PartitionTable t = read(img, 512);
        assertNotNull(t, "no table found; sfdisk says " + oracle);
        assertEquals(oracle.get("label"), t.type());
        assertEquals(String.valueOf(oracle.get("id")).toLowerCase(Locale.ROOT).replaceFirst("^0x", ""), t.id());
        List<Object> parts = Json.array(oracle.get("partitions"));
        assertEquals(parts.size(), t.entries().size(), "number of partitions");
        for (int i = 0; i < parts.size(); i++) {
            Map<String, Object> p = Json.object(parts.get(i));
            PartitionEntry e = t.entries().get(i);
            String node = (String) p.get("node");
            assertEquals(Integer.parseInt(node.substring(img.toString().length())), e.number(), "number of " + node);
            assertEquals(((Number) p.get("start")).longValue(), e.firstLba(), "start of " + node);
            assertEquals(((Number) p.get("size")).longValue(), e.sectors(), "size of " + node);
            String type = String.valueOf(p.get("type")).toLowerCase(Locale.ROOT);
            assertEquals(t.type().equals("dos") ? "0x" + type : type, e.type(), "type of " + node);
            if (p.containsKey("uuid")) {
                assertEquals(String.valueOf(p.get("uuid")).toLowerCase(Locale.ROOT), e.uuid(), "uuid of " + node);
            }
            assertEquals(p.getOrDefault("name", ""), e.name(), "name of " + node);
        }
        return t;
    }
}
