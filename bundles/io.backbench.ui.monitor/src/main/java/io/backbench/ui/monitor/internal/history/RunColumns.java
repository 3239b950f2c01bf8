package io.backbench.ui.monitor.internal.history;

import java.util.List;
import java.util.function.Function;

import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunSort;
import io.backbench.ui.monitor.internal.Format;

/** The Job History's columns: title, width, the sort the catalog does for it, the cell text; also the CSV's. */
record RunColumns(String title, int width, RunSort sort, Function<Run, String> text) {

    static final List<RunColumns> ALL = List.of(
            new RunColumns("Job", 200, RunSort.JOB, Run::jobName),
            new RunColumns("Kind", 90, RunSort.KIND, Run::kind),
            new RunColumns("Target", 200, RunSort.TARGET, Run::target),
            new RunColumns("Started", 150, RunSort.STARTED, r -> Format.time(r.started())),
            new RunColumns("Duration", 80, RunSort.DURATION, r -> Format.duration(r.duration())),
            new RunColumns("Status", 170, RunSort.STATUS, r -> Format.status(r.status())),
            new RunColumns("Data", 90, RunSort.BYTES_READ, r -> Format.bytes(r.metrics().bytesRead())),
            new RunColumns("New", 90, RunSort.BYTES_NEW, r -> Format.bytes(r.metrics().bytesNew())),
            new RunColumns("Files", 70, RunSort.FILES, r -> Long.toString(r.metrics().files())),
            new RunColumns("Throughput", 100, RunSort.THROUGHPUT, r -> Format.throughput(r.metrics().throughput())));

    static final int STATUS = 5;
}
