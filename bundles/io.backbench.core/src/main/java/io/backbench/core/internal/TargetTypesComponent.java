package io.backbench.core.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LoggerFactory;

import io.backbench.core.api.TargetTypes;
import io.backbench.target.api.TargetFactory;

/** Tracks {@link TargetFactory} services (whiteboard). Bind/unbind run on SCR's threads. */
@Component(service = TargetTypes.class)
public class TargetTypesComponent implements TargetTypes {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile LoggerFactory loggerFactory;

    private final TargetTypeRegistry registry = new TargetTypeRegistry(this::warn);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFactory(ServiceReference<TargetFactory> ref, TargetFactory factory) {
        Object typeProperty = ref.getProperty(TargetFactory.TYPE_PROPERTY);
        String type;
        try {
            type = typeProperty != null ? typeProperty.toString() : factory.type();
        } catch (RuntimeException e) {
            warn("a target factory from " + provider(ref) + " failed to give its type and is ignored: " + e);
            return;
        }
        registry.add(new TargetTypeRegistry.Entry(serviceId(ref), type, provider(ref), factory));
    }

    void removeFactory(ServiceReference<TargetFactory> ref) {
        registry.remove(serviceId(ref));
    }

    @Override
    public List<TargetFactory> all() {
        return registry.all();
    }

    @Override
    public Optional<TargetFactory> find(String type) {
        return registry.find(type);
    }

    @Override
    public void addListener(Runnable listener) {
        registry.addListener(listener);
    }

    @Override
    public void removeListener(Runnable listener) {
        registry.removeListener(listener);
    }

    private void warn(String message) {
        LoggerFactory lf = loggerFactory;
        if (lf != null) {
            lf.getLogger(TargetTypes.class).warn(message);
        } else {
            System.err.println("backbench: " + message);
        }
    }

    private static long serviceId(ServiceReference<?> ref) {
        return (Long) ref.getProperty(Constants.SERVICE_ID);
    }

    private static String provider(ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        return b == null ? "an unregistered service" : "bundle " + b.getSymbolicName() + " " + b.getVersion();
    }

}
