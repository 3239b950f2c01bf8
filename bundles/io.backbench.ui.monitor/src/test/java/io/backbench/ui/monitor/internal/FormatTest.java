package io.backbench.ui.monitor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void writesBytesInBinaryUnitsWithOneDecimal() {
        assertEquals("512 B", Format.bytes(512));
        assertEquals("146.5 KiB", Format.bytes(150_000));
        assertEquals("3.0 GiB", Format.bytes(3L << 30));
    }

    @Test
    void readsDurationsPeopleType() {
        assertEquals(Duration.ofHours(26), Format.parseDuration("26h", "RPO"));
        assertEquals(Duration.ofMinutes(90), Format.parseDuration("1h 30m", "RTO"));
        assertEquals(Duration.ofHours(36), Format.parseDuration("36", "RPO"));
        assertNull(Format.parseDuration("  ", "RPO"));
    }

    @Test
    void writesDurationsBackAsTheyAreRead() {
        assertEquals("1d2h", Format.durationInput(Duration.ofHours(26)));
        assertEquals(Duration.ofHours(26), Format.parseDuration(Format.durationInput(Duration.ofHours(26)), "RPO"));
    }

    @Test
    void refusesANonDurationNamingTheFieldAndTheForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Format.parseDuration("soon", "The RPO"));
        assertTrue(e.getMessage().contains("The RPO 'soon'") && e.getMessage().contains("26h"), e.getMessage());
    }
}
