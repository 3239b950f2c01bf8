package io.backbench.catalog.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.backbench.catalog.api.RunFilter;
import io.backbench.catalog.api.RunStatus;

/** A {@link RunFilter} as a WHERE clause with its parameters, in SQL both H2 and PostgreSQL take. */
final class RunFilterSql {
    private final StringBuilder where = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    RunFilterSql(RunFilter f) {
        in("job_id", f.jobIds());
        in("kind", f.kinds());
        in("target", f.targets());
        in("status", f.statuses().stream().map(RunStatus::code).toList());
        if (f.from() != null) {
            and("started_ms >= ?", f.from().toEpochMilli());
        }
        if (f.to() != null) {
            and("started_ms < ?", f.to().toEpochMilli());
        }
        if (f.text() != null) {
            String like = "%" + f.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            and("(LOWER(job_name) LIKE ? ESCAPE '\\' OR LOWER(target) LIKE ? ESCAPE '\\' OR LOWER(error_text) LIKE ? ESCAPE '\\')",
                    like, like, like);
        }
    }

    /** Adds a condition of the caller's. */
    RunFilterSql and(String condition, Object... values) {
        where.append(where.length() == 0 ? " WHERE " : " AND ").append(condition);
        params.addAll(List.of(values));
        return this;
    }

    String where() {
        return where.toString();
    }

    /** Sets the parameters from index 1; returns the next free index. */
    int bind(PreparedStatement p) throws SQLException {
        int i = 1;
        for (Object o : params) {
            if (o instanceof Long l) {
                p.setLong(i++, l);
            } else {
                p.setString(i++, (String) o);
            }
        }
        return i;
    }

    private void in(String column, Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        and(column + " IN (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")", values.toArray());
    }
}
