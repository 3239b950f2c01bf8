package io.backbench.catalog.internal;

import java.util.Locale;

/** The databases the catalog runs on; the name picks per-dialect migration scripts ({@code V1.postgresql.sql}). */
enum Dialect {
    H2, POSTGRESQL;

    String scriptSuffix() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Dialect of(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("catalog url '" + url + "' is neither H2 (jdbc:h2:...) nor PostgreSQL"
                + " (jdbc:postgresql://host:port/database); set io.backbench.catalog url to one of those");
    }
}
