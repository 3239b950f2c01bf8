package io.backbench.repository.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CheckReportTest {
    private static final Id PACK = Id.parse("aa".repeat(32));
    private static final Id OTHER_PACK = Id.parse("bb".repeat(32));

    private static CheckReport report(CheckProblem... problems) {
        return new CheckReport(List.of(problems), 1, 1, 2, 2, 10, null);
    }

    private static CheckProblem problem(CheckProblem.Kind kind, Id pack, String... files) {
        return new CheckProblem(kind, kind.name(), pack, null, null, List.of(files));
    }

    @Test
    void aDamagedPackIsTiedToTheFilesOfItsDamagedBlobs() {
        assertTrue(report(problem(CheckProblem.Kind.PACK_DAMAGED, PACK), problem(CheckProblem.Kind.BLOB_DAMAGED, PACK, "1234abcd:/a"))
                .everyErrorNamesItsFiles());
    }

    @Test
    void anErrorTiedToNoFileMayHideDamageAnywhere() {
        assertFalse(report(problem(CheckProblem.Kind.PACK_DAMAGED, OTHER_PACK), problem(CheckProblem.Kind.BLOB_DAMAGED, PACK, "1234abcd:/a"))
                .everyErrorNamesItsFiles(), "the other pack's damage names no file");
        assertFalse(report(problem(CheckProblem.Kind.SNAPSHOT_UNREADABLE, null), problem(CheckProblem.Kind.BLOB_DAMAGED, PACK, "1234abcd:/a"))
                .everyErrorNamesItsFiles());
    }

    @Test
    void warningsDoNotCount() {
        assertTrue(report(problem(CheckProblem.Kind.DUPLICATE_BLOB, null), problem(CheckProblem.Kind.UNREFERENCED_PACK, OTHER_PACK))
                .everyErrorNamesItsFiles());
    }
}
