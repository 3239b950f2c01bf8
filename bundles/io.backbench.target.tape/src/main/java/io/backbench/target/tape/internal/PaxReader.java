package io.backbench.target.tape.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the entries of a pax or ustar archive from a stream, keeping count of the byte offset of
 * each entry's data (the catalog records it so a read positions straight to it). Used by the scan
 * that rebuilds a lost catalog. One thread.
 */
final class PaxReader {
    /** An archive entry: its path, size, pax keywords, and where its data starts in the archive. */
    record Entry(String path, long size, Map<String, String> pax, long dataOffset) {
        String type() {
            return pax.getOrDefault(Pax.TYPE, "");
        }
    }

    /** The archive ends before its end-of-archive records: a tape file cut short by the end of a medium or a crash. */
    static final class TruncatedArchiveException extends IOException {
        private static final long serialVersionUID = 1L;

        TruncatedArchiveException(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private long position;
    private long skip;
    private long dataLeft;

    PaxReader(InputStream in) {
        this.in = in;
    }

    /** The next regular file entry, or null at the end of the archive. */
    Entry next() throws IOException {
        skipBytes(skip);
        skip = 0;
        dataLeft = 0;
        Map<String, String> pax = new HashMap<>();
        while (true) {
            byte[] h = readRecord();
            if (isZero(h)) {
                byte[] second = readRecord();
                if (!isZero(second)) {
                    throw new IOException("a lone zero record inside the archive at byte " + (position - 1024));
                }
                return null;
            }
            checkHeader(h);
            char type = (char) h[156];
            long size = parseOctal(h, 124, 12);
            if (type == 'x') {
                pax.putAll(parseRecords(readBytes(size)));
                skipBytes(Pax.padding(size));
            } else if (type == 'g') {
                skipBytes(size + Pax.padding(size));
            } else if (type == '0' || type == 0) {
                String path = pax.containsKey("path") ? pax.get("path") : ustarName(h);
                long realSize = pax.containsKey("size") ? Long.parseLong(pax.get("size")) : size;
                skip = realSize + Pax.padding(realSize);
                dataLeft = realSize;
                return new Entry(path, realSize, Map.copyOf(pax), position);
            } else {
                // folders, links and the like carry no data we use
                skipBytes(size + Pax.padding(size));
                pax.clear();
            }
        }
    }

    /** The data of the entry just returned by {@link #next()}, if it is at most {@code max} bytes. */
    byte[] readData(int max) throws IOException {
        if (dataLeft > max) {
            throw new IOException("an archive entry of " + dataLeft + " bytes is larger than the " + max + " expected");
        }
        byte[] data = readBytes(dataLeft);
        skip -= data.length;
        dataLeft = 0;
        return data;
    }

    private static void checkHeader(byte[] h) throws IOException {
        String magic = new String(h, 257, 5, StandardCharsets.US_ASCII);
        if (!magic.equals("ustar")) {
            throw new IOException("not a ustar/pax header (magic '" + magic + "')");
        }
        long stored = parseOctal(h, 148, 8);
        if (stored != Pax.checksum(h)) {
            throw new IOException("a tar header has a wrong checksum (stored " + stored + ", computed " + Pax.checksum(h) + ")");
        }
    }

    private static String ustarName(byte[] h) {
        String name = cString(h, 0, 100);
        String prefix = cString(h, 345, 155);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    static Map<String, String> parseRecords(byte[] data) throws IOException {
        Map<String, String> out = new HashMap<>();
        int i = 0;
        while (i < data.length) {
            int space = i;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int len;
            try {
                len = Integer.parseInt(new String(data, i, space - i, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("a malformed pax record at byte " + i + " of a pax header", e);
            }
            if (len <= 0 || i + len > data.length || data[i + len - 1] != '\n') {
                throw new IOException("a malformed pax record at byte " + i + " of a pax header");
            }
            String record = new String(data, space + 1, i + len - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq > 0) {
                String key = record.substring(0, eq);
                String value = record.substring(eq + 1);
                out.put(key, value);
                if (key.equals("comment") && value.startsWith(Pax.COMMENT_MARK + " ")) {
                    // our facts, written by Pax.fileHeaders as "backbench k=v k=v"
                    for (String fact : value.substring(Pax.COMMENT_MARK.length() + 1).split(" ")) {
                        int e = fact.indexOf('=');
                        if (e > 0) {
                            out.put(Pax.VENDOR + fact.substring(0, e), fact.substring(e + 1));
                        }
                    }
                }
            }
            i += len;
        }
        return out;
    }

    private static long parseOctal(byte[] h, int off, int len) throws IOException {
        String s = cString(h, off, len).trim();
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new IOException("a tar header has a malformed number '" + s + "'", e);
        }
    }

    private static String cString(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private byte[] readRecord() throws IOException {
        return readBytes(Pax.RECORD);
    }

    private byte[] readBytes(long n) throws IOException {
        if (n > Integer.MAX_VALUE - 8) {
            throw new IOException("a header of " + n + " bytes is too large");
        }
        byte[] b = in.readNBytes((int) n);
        position += b.length;
        if (b.length < n) {
            throw new TruncatedArchiveException("the archive ends after " + position + " bytes, inside an entry or header");
        }
        return b;
    }

    private void skipBytes(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new TruncatedArchiveException("the archive ends after " + position + " bytes, inside an entry");
                }
                s = 1;
            }
            left -= s;
            position += s;
        }
    }
}
