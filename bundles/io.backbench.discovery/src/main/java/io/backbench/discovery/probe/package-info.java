/**
 * Discovery's probes for other bundles (imaging): the partition table (MBR, GPT with both headers
 * checked) and the filesystem at the start of a block source, read by Backbench itself with the
 * names blkid uses. Everything here only reads, never writes, and keeps no state: {@link Probes}
 * is a facade over discovery's internal parsers, whose types never appear in this package.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.backbench.discovery.probe;
