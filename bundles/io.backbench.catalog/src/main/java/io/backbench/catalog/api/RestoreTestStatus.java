package io.backbench.catalog.api;

/**
 * A job's latest restore test, for the Dashboard: a failed test stays the latest (red) until a later
 * one passes.
 *
 * @param jobId   the job
 * @param jobName its name
 * @param last    its latest verification
 */
public record RestoreTestStatus(String jobId, String jobName, Verification last) {
}
