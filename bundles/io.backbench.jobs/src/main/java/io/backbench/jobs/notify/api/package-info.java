/**
 * Alerts: a failed job, a breached RPO, a failed restore test. A bundle that registers a
 * {@link io.backbench.jobs.notify.api.Notifier} service receives them (mail, chat, a monitoring system);
 * Backbench ships a webhook notifier (ConfigAdmin PID {@code io.backbench.notify.webhook}, property
 * {@code url}). Version 0.x.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.backbench.jobs.notify.api;
