package io.backbench.report.internal;

import java.time.Duration;
import java.util.List;

import io.backbench.cli.api.Json;

/** The report as JSON for scripts: sizes in bytes, durations in seconds, times in ISO-8601 UTC. */
public final class JsonReport {
    private JsonReport() {
    }

    public static String write(MonthlyReport r) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("{\"month\":").append(str(r.month().toString())).append(",\"zone\":").append(str(r.zone().getId()))
                .append(",\"from\":").append(str(r.from().toString())).append(",\"to\":").append(str(r.to().toString()))
                .append(",\"complete\":").append(r.complete()).append(",\"generated\":").append(str(r.generated().toString()))
                .append(",\"catalog\":").append(str(r.catalog())).append(",\"jobs\":[");
        for (int i = 0; i < r.jobs().size(); i++) {
            sb.append(i == 0 ? "" : ",");
            figures(sb, r.jobs().get(i));
        }
        sb.append("],\"total\":");
        figures(sb, r.total());
        return sb.append("}").toString();
    }

    private static void figures(StringBuilder sb, JobFigures f) {
        JobFigures.RestoreTests t = f.restoreTests();
        sb.append("{\"name\":").append(str(f.name())).append(",\"kind\":").append(str(f.kind())).append(",\"rpo_seconds\":")
                .append(seconds(f.rpo())).append(",\"runs\":").append(f.runs()).append(",\"succeeded\":").append(f.succeeded())
                .append(",\"succeeded_with_warnings\":").append(f.warnings()).append(",\"failed\":").append(f.failed())
                .append(",\"cancelled\":").append(f.cancelled()).append(",\"interrupted\":").append(f.interrupted())
                .append(",\"running\":").append(f.running()).append(",\"success_rate\":")
                .append(f.successRate() == null ? "null" : Double.toString(f.successRate())).append(",\"bytes_read\":")
                .append(f.bytesRead()).append(",\"bytes_new\":").append(f.bytesNew()).append(",\"bytes_stored\":").append(f.bytesStored())
                .append(",\"restore_tests\":{\"count\":").append(t.count()).append(",\"passed\":").append(t.passed())
                .append(",\"failed\":").append(t.failed()).append(",\"rto_breaches\":").append(t.rtoBreaches())
                .append(",\"worst_restore_seconds\":").append(seconds(t.worstRestoreTime())).append(",\"worst_restore_rto_seconds\":")
                .append(seconds(t.worstRto())).append("},\"rpo_breach_seconds\":").append(f.breachTime().getSeconds())
                .append(",\"rpo_breaches\":[");
        List<RpoBreach> bs = f.breaches();
        for (int i = 0; i < bs.size(); i++) {
            RpoBreach b = bs.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"job\":").append(str(b.job())).append(",\"from\":").append(str(b.from().toString()))
                    .append(",\"to\":").append(str(b.to().toString())).append(",\"seconds\":").append(b.duration().getSeconds())
                    .append(",\"began_before\":").append(b.beganBefore()).append(",\"continues_after\":").append(b.continuesAfter())
                    .append('}');
        }
        sb.append("]}");
    }

    private static String seconds(Duration d) {
        return d == null ? "null" : Long.toString(d.getSeconds());
    }

    static String str(String s) {
        return s == null ? "null" : Json.quote(s);
    }
}
