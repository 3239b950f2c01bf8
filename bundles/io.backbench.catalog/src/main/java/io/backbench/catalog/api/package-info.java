/**
 * The catalog: what Backbench remembers about its work. Job definitions, every run (with its
 * byte counts, snapshot, status and event log), restore-test results, and a rebuildable cache of
 * each repository's snapshots; plus the queries the monitoring views need (paged and sorted run
 * lists, aggregates per day, per target and per job).
 *
 * <p>The {@link io.backbench.catalog.api.Catalog} service keeps it in an embedded H2 database in
 * the user's data folder, or in a shared PostgreSQL database (ConfigAdmin PID
 * {@code io.backbench.catalog}, property {@code url}). Every method blocks on the database: call it
 * from a background thread, never the UI thread. Version 0.x: the API may still change.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.backbench.catalog.api;
