/**
 * The storage target SPI.
 *
 * <p>A storage target is a flat object store of immutable-once-written objects addressed by keys
 * such as {@code data/3f/3f9a...} or {@code config}. The repository (restic's format) sits on top of
 * it and never needs more than {@link io.backbench.target.api.StorageTarget}'s few operations. A
 * bundle adds a new kind of target by registering a {@link io.backbench.target.api.TargetFactory}
 * service; the core never names an implementation.
 *
 * <p>Every implementation runs the conformance kit in {@code io.backbench.target.tck}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.backbench.target.api;
