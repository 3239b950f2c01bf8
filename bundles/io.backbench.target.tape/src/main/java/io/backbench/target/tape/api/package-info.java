/**
 * The tape target's operator API: how the tape target asks a person (or a robot library's
 * controller) to load a volume when it cannot load one itself. The workbench or a site plugin
 * registers a {@link io.backbench.target.tape.api.VolumeOperator} service; the tape target uses the
 * one with the highest ranking, and works without any (a full last volume then fails the job with a
 * message saying which volume to load).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.backbench.target.tape.api;
