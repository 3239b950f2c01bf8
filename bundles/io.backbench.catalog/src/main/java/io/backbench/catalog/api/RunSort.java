package io.backbench.catalog.api;

/** The columns the Job History can sort runs by. Ties are broken by run id, so paging is stable. */
public enum RunSort {
    STARTED, JOB, KIND, TARGET, STATUS, DURATION, BYTES_TOTAL, BYTES_READ, BYTES_NEW, BYTES_STORED, FILES, THROUGHPUT
}
