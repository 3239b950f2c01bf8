package io.backbench.ui.workbench.internal.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.backbench.target.tape.api.VolumeOperator.VolumeRequest;

class VolumeQuestionTest {

    private static VolumeQuestion blank(String drive, String reason) {
        return new VolumeQuestion(new VolumeRequest(drive, Optional.empty(), reason));
    }

    @Test
    void namesTheFullVolumeAndTheDriveAndSaysWhatToDo() {
        VolumeQuestion q = blank("/dev/nst0", "volume VOL002 is full; the backup goes on on a blank volume");
        assertEquals("Volume VOL002 is full; the backup goes on on a blank volume. Load a blank cartridge into drive"
                + " /dev/nst0.", q.headline());
        assertTrue(q.message().contains("Load a blank cartridge into drive /dev/nst0"), q.message());
        assertTrue(q.message().contains("then press Continue"), q.message());
        assertTrue(q.message().contains("nothing written to earlier volumes is lost"), q.message());
    }

    @Test
    void callsAVirtualDriveTheVirtualLibraryByItsFolder() {
        VolumeQuestion q = blank("virtual:/srv/vtl", "volume VOL001 is full; the backup goes on on a blank volume");
        assertEquals("the virtual library '/srv/vtl'", q.where());
        assertTrue(q.message().contains("Load a blank cartridge into the virtual library '/srv/vtl'"), q.message());
    }

    @Test
    void proposesTheLabelAfterTheFullVolumesKeepingTheDigitsWidth() {
        assertEquals("VOL003", blank("/dev/nst0", "volume VOL002 is full; go on").suggestedLabel());
        assertEquals("VOL010", blank("/dev/nst0", "volume VOL009 is full; go on").suggestedLabel());
        assertEquals("T1000", blank("/dev/nst0", "volume T999 is full; go on").suggestedLabel());
        assertEquals("site-a-08", blank("/dev/nst0", "volume site-a-07 is full; go on").suggestedLabel());
    }

    @Test
    void proposesNoLabelWhenNoFullVolumeWithANumberIsNamed() {
        assertEquals("", blank("/dev/nst0", "the backup needs a blank volume").suggestedLabel());
        assertEquals("", blank("/dev/nst0", "volume MONDAY is full; go on").suggestedLabel());
    }

    @Test
    void asksForTheWantedVolumeByLabelWhenAReadNeedsIt() {
        VolumeQuestion q = new VolumeQuestion(new VolumeRequest("/dev/nst0", Optional.of("VOL001"),
                "reading data/ab/ab12 needs volume VOL001"));
        assertEquals("VOL001", q.suggestedLabel());
        assertEquals("Load tape volume VOL001", q.title());
        assertEquals("Load volume VOL001 into drive /dev/nst0.", q.headline());
        assertTrue(q.message().startsWith("Reading data/ab/ab12 needs volume VOL001."), q.message());
    }

    @Test
    void refusesLabelsTheTapeTargetWouldRefuse() {
        assertTrue(VolumeQuestion.labelProblem("VOL003").isEmpty());
        assertEquals(Optional.of("Give the cartridge's label."), VolumeQuestion.labelProblem("  "));
        assertEquals(Optional.of("A label is 1 to 32 letters, digits, '-' or '_'."), VolumeQuestion.labelProblem("VOL 3"));
        assertTrue(VolumeQuestion.labelProblem("x".repeat(33)).isPresent());
    }

    @Test
    void countsTheTimeLeftInHoursMinutesOrSeconds() {
        assertEquals("Time left before the job gives up: 1 h 00 min", VolumeQuestion.timeLeft(Duration.ofSeconds(3600)));
        assertEquals("Time left before the job gives up: 59 min 58 s", VolumeQuestion.timeLeft(Duration.ofSeconds(3598)));
        assertEquals("Time left before the job gives up: 5 s", VolumeQuestion.timeLeft(Duration.ofMillis(4200)));
        assertEquals("Time left before the job gives up: 0 s", VolumeQuestion.timeLeft(Duration.ofSeconds(-3)));
    }
}
