package io.backbench.ui.monitor.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void lastPageStartsAtTheLastFullMultipleOfThePageSize() {
        assertEquals(0, PageBar.lastStart(0, 5_000));
        assertEquals(0, PageBar.lastStart(5_000, 5_000));
        assertEquals(5_000, PageBar.lastStart(5_001, 5_000));
        assertEquals(95_000, PageBar.lastStart(100_000, 5_000));
        assertEquals(2_000, PageBar.lastStart(2_999, 1_000));
    }

    @Test
    void pageSizeComesFromThePropertyOrFallsBackToTheDefaultOnBadValues() {
        assertEquals(1_000, JobHistoryContribution.pageSize("1000"));
        assertEquals(1_000, JobHistoryContribution.pageSize(" 1000 "));
        assertEquals(JobHistoryContribution.DEFAULT_PAGE_SIZE, JobHistoryContribution.pageSize(null));
        assertEquals(JobHistoryContribution.DEFAULT_PAGE_SIZE, JobHistoryContribution.pageSize("lots"));
        assertEquals(JobHistoryContribution.DEFAULT_PAGE_SIZE, JobHistoryContribution.pageSize("0"));
        assertEquals(JobHistoryContribution.DEFAULT_PAGE_SIZE, JobHistoryContribution.pageSize("20000"));
    }
}
