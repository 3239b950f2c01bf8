package io.backbench.target.tape.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A volume label: the first tape file of every volume, a pax archive of one small text member
 * whose facts are repeated as pax keywords. It fits in one block of the smallest block size, so it
 * can be read in variable-block mode before the volume's block size is known.
 */
record Label(String volume, int sequence, int blockSize, String library, Instant written) {
    static final String MEMBER = "BACKBENCH-VOLUME-LABEL.txt";
    static final int MIN_BLOCK = 64 * 1024;
    static final int MAX_BLOCK = 1024 * 1024;

    Map<String, String> pax() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Pax.TYPE, "label");
        m.put("BACKBENCH.volume", volume);
        m.put("BACKBENCH.sequence", Integer.toString(sequence));
        m.put("BACKBENCH.block-size", Integer.toString(blockSize));
        m.put("BACKBENCH.library", library);
        m.put("BACKBENCH.written", written.toString());
        return m;
    }

    /** The member's text: the same facts for a person who extracts the label with tar. */
    byte[] text() {
        StringBuilder b = new StringBuilder("Backbench tape volume\n");
        pax().forEach((k, v) -> {
            if (!k.equals(Pax.TYPE)) {
                b.append(k.substring("BACKBENCH.".length())).append('=').append(v).append('\n');
            }
        });
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Label parse(PaxReader reader) throws IOException {
        PaxReader.Entry e = reader.next();
        if (e == null || !"label".equals(e.type())) {
            throw new IOException("the first tape file is no volume label");
        }
        Map<String, String> p = e.pax();
        try {
            return new Label(p.get("BACKBENCH.volume"), Integer.parseInt(p.get("BACKBENCH.sequence")),
                    Integer.parseInt(p.get("BACKBENCH.block-size")), p.get("BACKBENCH.library"),
                    Instant.parse(p.get("BACKBENCH.written")));
        } catch (RuntimeException ex) {
            throw new IOException("the volume label is incomplete: " + p, ex);
        }
    }
}
