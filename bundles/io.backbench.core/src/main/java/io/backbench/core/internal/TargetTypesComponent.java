package io.backbench.core.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LoggerFactory;

import io.backbench.core.api.TargetTypes;
import io.backbench.target.api.TargetFactory;

/**
 * Tracks {@link TargetFactory} services (whiteboard). Bind/unbind run on SCR's threads. A factory
 * that names its type in the {@link TargetFactory#TYPE_PROPERTY} service property is only fetched
 * (its component activated, its bundle's classes loaded) when that type is used or all types are
 * listed; one that does not is fetched at once to ask its type.
 */
@Component(service = TargetTypes.class)
public class TargetTypesComponent implements TargetTypes {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile LoggerFactory loggerFactory;

    private final TargetTypeRegistry registry = new TargetTypeRegistry(this::warn);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFactory(ServiceReference<TargetFactory> ref, ComponentServiceObjects<TargetFactory> objects) {
        Object typeProperty = ref.getProperty(TargetFactory.TYPE_PROPERTY);
        OnFirstUse factory = new OnFirstUse(ref, objects);
        String type;
        if (typeProperty != null) {
            type = typeProperty.toString();
        } else {
            TargetFactory f = factory.get(); // no type property: it must be asked (get() warns if it cannot be had)
            if (f == null) {
                return;
            }
            try {
                type = f.type();
            } catch (RuntimeException e) {
                warn("a target factory from " + provider(ref) + " failed to give its type and is ignored: " + e);
                return;
            }
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

    /**
     * The factory service, fetched on first use and kept; SCR gives it back when the reference is
     * unbound. A fetch that fails is tried again on the next use (the plugin may be fixed or its
     * configuration arrive), and reported once, unless the service is just going away.
     */
    private final class OnFirstUse implements Supplier<TargetFactory> {
        private final ServiceReference<TargetFactory> ref;
        private final ComponentServiceObjects<TargetFactory> objects;
        private TargetFactory factory;
        private boolean reported;

        OnFirstUse(ServiceReference<TargetFactory> ref, ComponentServiceObjects<TargetFactory> objects) {
            this.ref = ref;
            this.objects = objects;
        }

        @Override
        public synchronized TargetFactory get() {
            if (factory == null) {
                RuntimeException failure = null;
                try {
                    factory = objects.getService();
                } catch (RuntimeException e) {
                    failure = e;
                }
                boolean unregistered = ref.getBundle() == null;
                if (factory == null && !unregistered && !reported) {
                    reported = true;
                    warn("the target factory from " + provider(ref) + " could not be started and is left out"
                            + (failure == null ? "" : " (" + failure + ")")
                            + "; see the error log for the plugin's failure, then update or remove the plugin");
                }
            }
            return factory;
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
