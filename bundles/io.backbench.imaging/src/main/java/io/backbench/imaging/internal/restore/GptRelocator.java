package io.backbench.imaging.internal.restore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;

/**
 * Moves GPT's backup header and partition entries to the end of a target larger than the image
 * (as {@code sgdisk -e} does): the primary header gets the new backup location and last usable LBA,
 * the backup header is rebuilt from it, both CRCs are recomputed, the protective MBR's size is
 * extended, and the stale backup at the old end is zeroed.
 */
final class GptRelocator {
    private GptRelocator() {
    }

    /** Returns null when done, else why the table was left as restored. */
    static String relocate(FileChannel ch, int ss, long imageSize, long targetSize) throws IOException {
        ByteBuffer header = read(ch, ss, ss);
        if (header.getLong(0) != 0x5452415020494645L) { // "EFI PART"
            return "no primary GPT header at LBA 1";
        }
        int headerSize = header.getInt(12);
        if (headerSize < 92 || headerSize > ss || crc(header, headerSize, 16) != (header.getInt(16) & 0xffffffffL)) {
            return "the primary GPT header is damaged";
        }
        long oldBackup = header.getLong(32);
        long entriesLba = header.getLong(72);
        long count = header.getInt(80) & 0xffffffffL;
        long entrySize = header.getInt(84) & 0xffffffffL;
        long entryBytes = count * entrySize;
        if (entryBytes > 4 << 20 || entryBytes == 0) {
            return "the GPT entry array size is out of range";
        }
        long entrySectors = (entryBytes + ss - 1) / ss;
        ByteBuffer entries = read(ch, entriesLba * ss, (int) (entrySectors * ss));
        long newLast = targetSize / ss - 1;
        long newEntries = newLast - entrySectors;
        if (oldBackup * ss < imageSize && oldBackup > entriesLba) {
            // the stale backup header and its entries before the old end: zero them first (they may overlap the new ones)
            ch.write(ByteBuffer.allocate((int) ((entrySectors + 1) * ss)), (oldBackup - entrySectors) * ss);
        }
        header.putLong(32, newLast);
        header.putLong(48, newEntries - 1);
        header.putInt(16, 0);
        header.putInt(16, (int) crc(header, headerSize, -1));
        ByteBuffer backup = ByteBuffer.allocate(ss).order(ByteOrder.LITTLE_ENDIAN);
        backup.put(header.duplicate().position(0));
        backup.putLong(24, newLast);
        backup.putLong(32, 1);
        backup.putLong(72, newEntries);
        backup.putInt(16, 0);
        backup.putInt(16, (int) crc(backup, headerSize, -1));
        write(ch, entries, newEntries * ss);
        write(ch, backup, newLast * ss);
        write(ch, header, ss);
        ByteBuffer mbr = read(ch, 0, 512);
        for (int i = 0; i < 4; i++) {
            int at = 0x1BE + 16 * i;
            if ((mbr.get(at + 4) & 0xff) == 0xEE) {
                mbr.putInt(at + 12, (int) Math.min(newLast, 0xFFFFFFFFL));
            }
        }
        write(ch, mbr, 0);
        return null;
    }

    private static ByteBuffer read(FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                throw new IOException("the target ended at byte " + (pos + b.position()) + " while reading its GPT");
            }
        }
        return b.flip();
    }

    private static void write(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        ByteBuffer d = b.duplicate().position(0);
        while (d.hasRemaining()) {
            ch.write(d, pos + d.position());
        }
    }

    /** CRC32 of the first {@code len} bytes, with the 4 bytes at {@code zeroAt} counted as zero (unless -1). */
    private static long crc(ByteBuffer b, int len, int zeroAt) {
        byte[] copy = new byte[len];
        b.duplicate().position(0).get(copy);
        if (zeroAt >= 0) {
            copy[zeroAt] = copy[zeroAt + 1] = copy[zeroAt + 2] = copy[zeroAt + 3] = 0;
        }
        CRC32 c = new CRC32();
        c.update(copy);
        return c.getValue();
    }
}
