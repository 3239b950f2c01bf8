/**
 * A storage target that keeps its objects in memory: for tests, demonstrations and as the
 * reference for the conformance kit. Nothing survives the process.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.backbench.target.memory;
