/**
 * The {@code backbench} command line: the {@link io.backbench.cli.api.CommandLine} service the
 * launcher calls, and the {@link io.backbench.cli.api.Command} whiteboard through which bundles add
 * commands ({@code backbench <name> ...}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package io.backbench.cli.api;
