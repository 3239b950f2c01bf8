package io.backbench.target.tape.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * What can be checked of the st driver without a drive (none here, and no scsi_debug module): the
 * mt command lines and the parsing of mt-st's {@code status} output (as printed by mt-st 1.4+).
 */
class MtTest {
    static final String AT_BOT = """
            SCSI 2 tape drive:
            File number=0, block number=0, partition=0.
            Tape block size 262144 bytes. Density code 0x5a (LTO-6).
            Soft error count since last status=0
            General status bits on (41010000):
             BOT ONLINE IM_REP_EN
            """;
    static final String AT_EOD = """
            SCSI 2 tape drive:
            File number=7, block number=-1, partition=0.
            Tape block size 0 bytes. Density code 0x58 (LTO-5).
            Soft error count since last status=0
            General status bits on (9010000):
             EOD ONLINE IM_REP_EN
            """;

    @Test
    void buildsTheMtCommandLineForEachOperation() {
        Mt mt = new Mt(Path.of("/dev/nst0"));
        assertEquals(List.of("mt", "-f", "/dev/nst0", "rewind"), mt.command("rewind"));
        assertEquals(List.of("mt", "-f", "/dev/nst0", "fsf", "3"), mt.command("fsf", 3));
        assertEquals(List.of("mt", "-f", "/dev/nst0", "setblk", "262144"), mt.command("setblk", 262144));
        assertEquals(List.of("mt", "-f", "/dev/nst0", "fsr", "12"), mt.command("fsr", 12));
        assertEquals(List.of("mt", "-f", "/dev/nst0", "eod"), mt.command("eod"));
    }

    @Test
    void readsPositionBlockSizeAndStatusBitsAtTheBeginningOfTape() throws IOException {
        Mt.Status s = Mt.parseStatus(AT_BOT);
        assertEquals(0, s.file());
        assertEquals(0, s.block());
        assertEquals(262144, s.blockSize());
        assertEquals(Set.of("BOT", "ONLINE", "IM_REP_EN"), s.flags());
        assertFalse(s.endOfData());
    }

    @Test
    void recognisesTheEndOfData() throws IOException {
        Mt.Status s = Mt.parseStatus(AT_EOD);
        assertEquals(7, s.file());
        assertEquals(-1, s.block());
        assertEquals(0, s.blockSize());
        assertTrue(s.endOfData());
    }

    @Test
    void unreadableStatusIsAClearError() {
        IOException e = assertThrows(IOException.class, () -> Mt.parseStatus("mt: /dev/nst0: No medium found\n"));
        assertTrue(e.getMessage().contains("No medium found"), e.getMessage());
    }

    @Test
    void aMissingMtProgramIsReportedWithThePackageToInstall() {
        Mt mt = new Mt(Path.of("/dev/nst0")) {
            @Override
            List<String> command(String op, long... count) {
                return List.of("/nonexistent/mt-program", op);
            }
        };
        IOException e = assertThrows(IOException.class, () -> mt.run("status"));
        assertTrue(e.getMessage().contains("install the mt-st package"), e.getMessage());
    }
}
