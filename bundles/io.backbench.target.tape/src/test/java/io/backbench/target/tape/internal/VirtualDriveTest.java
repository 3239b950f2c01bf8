package io.backbench.target.tape.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The virtual drive behaves as st presents an LTO drive: blocks, filemarks, end of data, early warning, end of medium. */
class VirtualDriveTest {
    static final int BS = 1024;
    @TempDir
    Path dir;

    private VirtualDrive drive(long capacity, long earlyWarning) throws Exception {
        VirtualDrive d = new VirtualDrive(dir, capacity, earlyWarning, List.of("T1"), false);
        d.load("T1");
        d.setBlockSize(BS);
        return d;
    }

    private static byte[] block(int fill) {
        byte[] b = new byte[BS];
        Arrays.fill(b, (byte) fill);
        return b;
    }

    @Test
    void readsBlocksThenZeroAtAFilemarkThenMinusOneAtTheEndOfData() throws Exception {
        VirtualDrive d = drive(100 * BS, 0);
        d.write(block(1));
        d.write(block(2));
        d.writeFilemark();
        d.write(block(3));
        d.writeFilemark();
        d.rewind();
        byte[] buf = new byte[BS];
        assertEquals(BS, d.read(buf));
        assertArrayEquals(block(1), buf);
        assertEquals(BS, d.read(buf));
        assertEquals(0, d.read(buf), "a filemark reads as 0 bytes");
        assertEquals(1, d.fileNumber());
        assertEquals(BS, d.read(buf));
        assertArrayEquals(block(3), buf);
        assertEquals(0, d.read(buf));
        assertEquals(-1, d.read(buf), "past the last filemark is the end of data");
    }

    @Test
    void spacesOverFilemarksAndBlocksToPositionDirectly() throws Exception {
        VirtualDrive d = drive(100 * BS, 0);
        for (int f = 0; f < 3; f++) {
            for (int b = 0; b < 4; b++) {
                d.write(block(f * 10 + b));
            }
            d.writeFilemark();
        }
        d.rewind();
        d.skipFiles(2);
        d.skipBlocks(3);
        byte[] buf = new byte[BS];
        d.read(buf);
        assertArrayEquals(block(23), buf);
        d.toEndOfData();
        assertEquals(3, d.fileNumber());
        assertThrows(java.io.IOException.class, () -> {
            d.rewind();
            d.skipFiles(4);
        });
    }

    @Test
    void warnsPastTheEarlyWarningPointAndRefusesABlockPastTheEnd() throws Exception {
        VirtualDrive d = drive(4 * BS, 2 * BS);
        assertFalse(d.write(block(1)));
        assertFalse(d.write(block(2)));
        assertTrue(d.write(block(3)), "past capacity - early warning the drive warns");
        assertTrue(d.write(block(4)));
        assertThrows(TapeDrive.EndOfMediumException.class, () -> d.write(block(5)));
        d.writeFilemark();
        assertEquals(4L * BS, Files.size(VirtualDrive.tapeFile(dir, "T1", 0)), "the refused block was not written");
    }

    @Test
    void writingInsideTheRecordedDataEndsTheDataThereAsOnTape() throws Exception {
        VirtualDrive d = drive(100 * BS, 0);
        for (int f = 0; f < 3; f++) {
            d.write(block(f));
            d.writeFilemark();
        }
        d.rewind();
        d.skipFiles(1);
        d.write(block(9));
        d.writeFilemark();
        assertEquals(2, d.fileNumber());
        assertFalse(Files.exists(VirtualDrive.tapeFile(dir, "T1", 2)), "the file after the new one is gone");
        assertEquals(98L * BS, d.remaining().getAsLong());
    }

    @Test
    void aBlankCartridgeReadsAsEndOfData() throws Exception {
        VirtualDrive d = drive(100 * BS, 0);
        d.rewind();
        d.setBlockSize(0);
        assertEquals(-1, d.read(new byte[BS]));
    }
}
