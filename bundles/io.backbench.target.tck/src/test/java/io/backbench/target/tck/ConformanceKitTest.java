package io.backbench.target.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The kit itself: it passes correct targets, skips only what their capabilities exclude, and fails broken ones. */
class ConformanceKitTest {
    static final Set<String> WRITE_ONCE_ONLY = Set.of("writeOnceTargetRefusesAnOverwriteAndKeepsTheOldObject",
            "writeOnceTargetRefusesADeleteAndKeepsTheObject");
    static final Set<String> OVERWRITING_ONLY = Set.of("overwriteReplacesTheObject",
            "readersSeeTheOldOrTheNewObjectNeverAMixDuringOverwrites");
    static final Set<String> DELETE_ONLY = Set.of("deletedObjectIsGoneFromGetStatAndList", "deleteIsIdempotent",
            "keyCanBeWrittenAgainAfterDelete", "deletingAParentPathDeletesNothing",
            "deletingEverythingLeavesAnEmptyListing");
    static final Set<String> CONCURRENT_ONLY = Set.of("objectIsInvisibleWhileItsPutIsStillRunning");
    static final Set<String> PERSISTENT_ONLY = Set.of("persistentTargetKeepsEveryObjectAcrossCloseAndReopen");

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    /** A correct target: nothing fails, exactly {@code skipped} are aborted, everything else ran and passed. */
    private static void assertPasses(Class<? extends StorageTargetContract> run, Set<String> skipped) {
        KitRunner.Report report = KitRunner.run(run);
        assertEquals(Set.of(), report.failedContainers(), "no class-level failure");
        assertEquals(Set.of(), report.failed(), () -> "failures on a correct target: " + report.failureMessages());
        assertEquals(new TreeSet<>(skipped), report.aborted(), "checks skipped by capability");
        assertEquals(KitRunner.allChecks(), report.tests().keySet(), "every check of the kit must have run");
        assertTrue(report.succeeded().size() >= 40, "the kit has at least 40 checks that apply here");
    }

    /** A broken target: at least the given checks fail. */
    private static void assertFails(Class<? extends StorageTargetContract> run, String... expected) {
        KitRunner.Report report = KitRunner.run(run);
        Set<String> failed = report.failed();
        assertTrue(failed.containsAll(Set.of(expected)),
                () -> "expected failures " + Set.of(expected) + " but the kit reported " + failed);
    }

    @Test
    void correctTargetPassesEveryCheckThatApplies() {
        assertPasses(KitRuns.Ordinary.class, union(WRITE_ONCE_ONLY, PERSISTENT_ONLY));
    }

    @Test
    void correctSerialTargetPassesAndSkipsOnlyTheInBetweenCheck() {
        assertPasses(KitRuns.Serial.class, union(WRITE_ONCE_ONLY, CONCURRENT_ONLY, PERSISTENT_ONLY));
    }

    @Test
    void correctWriteOnceTargetPassesAndIsCheckedForRefusals() {
        assertPasses(KitRuns.WriteOnce.class, union(OVERWRITING_ONLY, DELETE_ONLY, PERSISTENT_ONLY));
    }

    @Test
    void correctPersistentTargetPassesTheReopenCheck() {
        assertPasses(KitRuns.Persistent.class, WRITE_ONCE_ONLY);
    }

    @Test
    void persistentTargetWhoseTestDoesNotOverrideReopenFails() {
        KitRunner.Report report = KitRunner.run(KitRuns.PersistentWithoutReopen.class);
        assertEquals(PERSISTENT_ONLY, report.failed());
        assertTrue(report.failureMessages().get("persistentTargetKeepsEveryObjectAcrossCloseAndReopen")
                .contains("override it"), "the failure says what to do");
    }

    @Test
    void failsATargetThatForgetsEverythingOnReopen() {
        assertFails(KitRuns.ForgetsOnReopen.class, "persistentTargetKeepsEveryObjectAcrossCloseAndReopen");
    }

    @Test
    void failsATargetThatLosesEveryThirdWrite() {
        assertFails(KitRuns.LosesEveryThirdWrite.class, "listsEverythingForTheEmptyPrefix",
                "listsOnlyKeysUnderPrefixWithTheirSizes", "manyThreadsPuttingGettingAndListingLeaveEveryObjectCorrect");
    }

    @Test
    void failsATargetThatStillListsDeletedObjects() {
        assertFails(KitRuns.ListsDeletedObjects.class, "deletedObjectIsGoneFromGetStatAndList", "deleteIsIdempotent",
                "deletingEverythingLeavesAnEmptyListing", "manyThreadsPuttingGettingAndListingLeaveEveryObjectCorrect");
    }

    @Test
    void failsATargetThatTruncatesRanges() {
        assertFails(KitRuns.TruncatesRanges.class, "returnsARangeFromTheMiddle", "returnsARangeFromTheStart",
                "truncatesARangePastTheEnd");
    }

    @Test
    void failsATargetThatShowsPartialObjects() {
        assertFails(KitRuns.ShowsPartialObjects.class, "putFailsAndStoresNothingWhenTheStreamIsShorterThanLength",
                "putFailsAndStoresNothingWhenTheStreamThrowsMidway", "failedPutKeepsTheOldObjectIntact",
                "objectIsInvisibleWhileItsPutIsStillRunning");
    }

    @Test
    void failsATargetThatIgnoresTheLength() {
        assertFails(KitRuns.IgnoresLength.class, "readsExactlyLengthBytesFromALongerStream",
                "putFailsAndStoresNothingWhenTheStreamIsShorterThanLength",
                "putFailsAndStoresNothingWhenAnEmptyStreamWasPromisedBytes");
    }

    @Test
    void failsATargetThatReadsMissingObjectsAsEmpty() {
        assertFails(KitRuns.MissingObjectsReadAsEmpty.class,
                "getOfAMissingObjectThrowsObjectNotFoundWhichIsNotRetryable",
                "rangedGetOfAMissingObjectThrowsObjectNotFound", "deletedObjectIsGoneFromGetStatAndList");
    }

    @Test
    void failsATargetThatAcceptsInvalidKeys() {
        assertFails(KitRuns.AcceptsInvalidKeys.class, "putRejectsInvalidKeysAndStoresNothing");
    }

    @Test
    void failsAWriteOnceTargetThatOverwrites() {
        assertFails(KitRuns.OverwritesDespiteWriteOnce.class, "writeOnceTargetRefusesAnOverwriteAndKeepsTheOldObject");
    }

    @Test
    void failsATargetWhoseCloseIsNotIdempotent() {
        assertFails(KitRuns.ClosesOnlyOnce.class, "closeIsIdempotent");
    }

    @Test
    void failsATargetThatClosesTheCallersStream() {
        assertFails(KitRuns.ClosesTheSourceStream.class, "leavesClosingTheSourceStreamToTheCaller");
    }
}
