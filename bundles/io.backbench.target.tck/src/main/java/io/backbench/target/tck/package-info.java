/**
 * The storage target conformance kit: one JUnit 5 contract suite that every
 * {@link io.backbench.target.api.StorageTarget} runs, ours and a site's plugins alike.
 *
 * <p>A target's test extends {@link io.backbench.target.tck.StorageTargetContract} and supplies a
 * factory; the kit does the rest. See that class for how capabilities select the checks.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.backbench.target.tck;
