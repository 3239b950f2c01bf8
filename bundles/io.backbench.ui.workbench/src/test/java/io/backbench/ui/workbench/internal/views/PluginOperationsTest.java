package io.backbench.ui.workbench.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;

import io.backbench.jobs.api.JobState;

import org.junit.jupiter.api.Test;

class PluginOperationsTest {

    @Test
    void onlyTheTwoSucceededStatesCountAsSuccess() {
        Set<JobState> succeeded = EnumSet.noneOf(JobState.class);
        for (JobState s : JobState.values()) {
            if (PluginOperations.succeeded(s)) {
                succeeded.add(s);
            }
        }
        assertEquals(EnumSet.of(JobState.SUCCEEDED, JobState.SUCCEEDED_WITH_WARNINGS), succeeded);
    }
}
