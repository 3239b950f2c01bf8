package io.backbench.report.internal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.backbench.catalog.api.Catalog;
import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;
import io.backbench.cli.api.CommandLine;
import io.backbench.report.internal.CsvReport;
import io.backbench.report.internal.HtmlReport;
import io.backbench.report.internal.JsonReport;
import io.backbench.report.internal.MonthlyReport;
import io.backbench.report.internal.ReportBuilder;
import io.backbench.report.internal.ReportFiles;
import io.backbench.report.internal.TextReport;

/** {@code backbench report monthly}: the monthly protection report, for a terminal, a script or a cron mail. */
@Component(service = Command.class, property = Command.NAME_PROPERTY + "=report")
public final class ReportCommand implements Command {
    private final Catalog catalog;
    private final Clock clock;
    private final ZoneId zone;

    @Activate
    public ReportCommand(@Reference Catalog catalog) {
        this(catalog, Clock.systemUTC(), ZoneId.systemDefault());
    }

    /** For tests: a fixed clock and zone. */
    public ReportCommand(Catalog catalog, Clock clock, ZoneId zone) {
        this.catalog = catalog;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "Print or export the monthly protection report";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench report monthly [--month YYYY-MM] [--html FILE] [--csv FILE] [--json]

                Per job and in total, for one month (default: the last complete month; the current month
                gives its figures so far): runs and how they ended, success rate, data read, new and stored,
                restore tests passed and failed with the worst restore time against the RTO, and the periods
                in which the last good backup was older than the job's RPO. Months are calendar months in
                this machine's time zone.

                  --month YYYY-MM  the month, e.g. 2026-10
                  --html FILE      also write the report as one self-contained, printable HTML page
                  --csv FILE       also write it as CSV (RFC 4180), one row per job and a total row
                  --json           print JSON instead of the table

                Example (cron, on the 1st at 07:00):
                  0 7 1 * * backbench report monthly --html /srv/reports/last-month.html | mail -s report ops
                """;
    }

    @Override
    public boolean supportsJson() {
        return true;
    }

    @Override
    public int run(List<String> args, CommandContext ctx) {
        if (args.isEmpty() || !args.get(0).equals("monthly")) {
            return ctx.usageError(args.isEmpty() ? "'report' needs a report name: monthly"
                    : "unknown report '" + args.get(0) + "'; the one report is 'monthly'");
        }
        YearMonth month = null;
        Path html = null;
        Path csv = null;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (!List.of("--month", "--html", "--csv").contains(a)) {
                return ctx.usageError("unknown option '" + a + "' of 'report monthly'");
            }
            if (i + 1 >= args.size()) {
                return ctx.usageError(a + " needs a value");
            }
            String v = args.get(++i);
            switch (a) {
                case "--month" -> {
                    try {
                        month = YearMonth.parse(v);
                    } catch (DateTimeParseException e) {
                        return ctx.usageError("--month wants a month as YYYY-MM, e.g. 2026-10; got '" + v + "'");
                    }
                }
                case "--html" -> html = Path.of(v);
                default -> csv = Path.of(v);
            }
        }
        MonthlyReport report;
        try {
            report = new ReportBuilder(catalog, clock).build(month == null ? ReportBuilder.lastCompleteMonth(clock, zone) : month, zone);
        } catch (IllegalArgumentException e) {
            return ctx.usageError(e.getMessage());
        }
        try {
            if (html != null) {
                ReportFiles.write(html, HtmlReport.write(report));
                ctx.err().println("wrote " + html.toAbsolutePath());
            }
            if (csv != null) {
                ReportFiles.write(csv, CsvReport.write(report));
                ctx.err().println("wrote " + csv.toAbsolutePath());
            }
        } catch (IOException e) {
            return ctx.failure(e.getMessage());
        }
        ctx.out().print(ctx.json() ? JsonReport.write(report) + "\n" : TextReport.write(report));
        return CommandLine.OK;
    }
}
