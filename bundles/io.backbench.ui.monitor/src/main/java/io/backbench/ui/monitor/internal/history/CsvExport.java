package io.backbench.ui.monitor.internal.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Widget;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.Page;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunQuery;
import io.backbench.jobs.api.Job;
import io.backbench.jobs.api.JobManager;
import io.backbench.jobs.api.ProgressMonitor;
import io.backbench.ui.api.ViewSite;
import io.backbench.ui.monitor.internal.Keys;

/** Writes the runs of a query to a CSV file, as a background job (the Progress view shows it). */
final class CsvExport implements Job {
    private final Catalog catalog;
    private final RunQuery query;
    private final Path file;

    CsvExport(Catalog catalog, RunQuery query, Path file) {
        this.catalog = catalog;
        this.query = query;
        this.file = file;
    }

    /** Asks where to write (UI thread), then exports in the background. */
    static void ask(ViewSite site, Widget source, Catalog catalog, JobManager jobs, RunQuery query) {
        Object answer = source.getData(Keys.FILE_DIALOG_ANSWER);
        String path;
        if (answer instanceof String s) {
            source.setData(Keys.FILE_DIALOG_ANSWER, null);
            path = s;
        } else {
            FileDialog d = new FileDialog(site.shell(), SWT.SAVE);
            d.setText("Export the job history");
            d.setFilterExtensions(new String[] {"*.csv", "*"});
            d.setFileName("job-history.csv");
            d.setOverwrite(true);
            path = d.open();
        }
        if (path != null) {
            jobs.submit(new CsvExport(catalog, query, Path.of(path)));
            site.setStatusMessage("Exporting the job history to " + path);
        }
    }

    @Override
    public String name() {
        return "Export job history to " + file.getFileName();
    }

    @Override
    public String kind() {
        return "export";
    }

    @Override
    public String run(ProgressMonitor monitor) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("run_id,job,kind,target,host,started,ended,duration_seconds,status,bytes_read,bytes_new,bytes_stored,files,"
                    + "throughput_bytes_per_second,snapshot,error\n");
            int offset = 0;
            while (true) {
                monitor.checkCancelled();
                Page<Run> page = catalog.runs(query.page(offset, RunQuery.MAX_LIMIT));
                if (offset == 0) {
                    monitor.begin("Writing " + page.total() + " runs", page.total());
                }
                for (Run r : page.items()) {
                    w.write(line(r));
                }
                written += page.items().size();
                monitor.worked(page.items().size());
                offset += page.items().size();
                if (page.items().isEmpty() || offset >= page.total()) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return written + " runs written to " + file;
    }

    static String line(Run r) {
        var m = r.metrics();
        List<String> cells = List.of(Long.toString(r.id()), r.jobName(), r.kind(), r.target(), r.host(), r.started().toString(),
                r.ended() == null ? "" : r.ended().toString(),
                r.duration() == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", r.duration().toMillis() / 1000.0),
                r.status().code(), Long.toString(m.bytesRead()), Long.toString(m.bytesNew()), Long.toString(m.bytesStored()),
                Long.toString(m.files()), String.format(java.util.Locale.ROOT, "%.0f", m.throughput()),
                m.snapshotId() == null ? "" : m.snapshotId(), r.error());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(cells.get(i)));
        }
        return sb.append('\n').toString();
    }

    /** RFC 4180: quote a cell with a comma, quote or line break, doubling its quotes. */
    static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

}
