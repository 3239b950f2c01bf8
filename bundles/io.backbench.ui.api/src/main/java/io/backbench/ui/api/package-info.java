/**
 * What bundles contribute to the Backbench workbench, as OSGi services (whiteboard): views
 * ({@link io.backbench.ui.api.ViewContribution}), perspectives ({@link
 * io.backbench.ui.api.PerspectiveContribution}), preference pages ({@link
 * io.backbench.ui.api.PreferencePageContribution}) and menu or tool bar actions ({@link
 * io.backbench.ui.api.ActionContribution}). The workbench picks a service up when it is registered
 * and takes its parts away again when it is unregistered, without a restart.
 *
 * <p>Threads: the workbench calls every method that creates or touches widgets on the UI thread and
 * says so on the method. The descriptive methods (id, label, ...) may be called on any thread and must
 * return quickly and always the same value. Contributions never create widgets outside the calls
 * that hand them a parent; work that takes time runs elsewhere (a {@code Job}) and comes back with
 * {@link io.backbench.ui.api.ViewSite#asyncExec(Runnable)}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.backbench.ui.api;
