package io.backbench.ui.workbench.internal;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import io.backbench.ui.api.PerspectiveContribution;
import io.backbench.ui.api.Perspectives;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Registers the four perspectives every workbench has as {@link PerspectiveContribution} services,
 * the same way a plugin would add its own.
 */
@Component(immediate = true)
public class BuiltInPerspectives {

    private final List<ServiceRegistration<PerspectiveContribution>> registrations = new ArrayList<>();

    record Perspective(String id, String label, int order) implements PerspectiveContribution {
    }

    @Activate
    void activate(BundleContext context) {
        register(context, new Perspective(Perspectives.MONITOR, "Monitor", 10));
        register(context, new Perspective(Perspectives.DEVICES, "Devices", 20));
        register(context, new Perspective(Perspectives.BACKUPS, "Backups", 30));
        register(context, new Perspective(Perspectives.TARGETS, "Targets", 40));
    }

    private void register(BundleContext context, Perspective p) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(PerspectiveContribution.ID_PROPERTY, p.id());
        registrations.add(context.registerService(PerspectiveContribution.class, p, props));
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }
}
