package io.backbench.ui.workbench.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import io.backbench.jobs.api.JobState;
import io.backbench.jobs.api.JobStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a job's row in the Progress view shows the way it ended. Real SWT widgets under Xvfb. */
class JobRowTest {
    private SwtFixture swt;
    private JobRow row;

    @BeforeEach
    void createRow() {
        swt = new SwtFixture();
        row = new JobRow(swt.content, 1, () -> { });
    }

    @AfterEach
    void dispose() {
        swt.close();
    }

    @Test
    void aSucceededJobHasAFullBar() {
        row.update(status(JobState.RUNNING, 3, 10, ""));
        row.update(status(JobState.SUCCEEDED, 3, -1, "Installed Acme 1.0"));
        assertTrue(row.bar().getVisible());
        assertEquals(1000, row.bar().getSelection());
    }

    @Test
    void aFailedJobShowsNoProgressBar() {
        row.update(status(JobState.RUNNING, 4, 10, ""));
        assertTrue(row.bar().getVisible());

        row.update(status(JobState.FAILED, 4, 10, "cannot install com.acme.foo 1.0.0: missing package com.acme.x"));

        assertFalse(row.bar().getVisible(), "a failed job must not look like a finished one");
    }

    @Test
    void aFailedJobOfUnknownSizeShowsNoProgressBar() {
        row.update(status(JobState.RUNNING, 0, -1, ""));
        row.update(status(JobState.FAILED, 0, -1, "the target is full"));
        assertFalse(row.bar().getVisible());
    }

    @Test
    void aCancelledJobShowsOnlyTheWorkItDid() {
        row.update(status(JobState.CANCELLED, 3, 10, ""));
        assertTrue(row.bar().getVisible());
        assertEquals(300, row.bar().getSelection());

        JobRow unknownSize = new JobRow(swt.content, 2, () -> { });
        unknownSize.update(status(JobState.CANCELLED, 0, -1, ""));
        assertEquals(0, unknownSize.bar().getSelection(), "a cancelled job is not done");
    }

    private static JobStatus status(JobState state, long worked, long total, String result) {
        return new JobStatus(1, "Install plugin acme.jar", "plugin", state, "Checking acme.jar", "", worked, total,
                Instant.now(), state.isDone() ? Instant.now() : null, result, List.of());
    }
}
