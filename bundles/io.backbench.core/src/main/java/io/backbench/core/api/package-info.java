/**
 * The core services the workbench, the CLI and plugins use: the known target types, the plugin
 * manager, the framework's log, and the user's data folders. Implementations live in
 * {@code io.backbench.core.internal} and are never exported.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package io.backbench.core.api;
