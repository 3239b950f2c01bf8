package io.backbench.core.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Function;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Waits, briefly, until SCR has set up a just-started bundle's components. A bundle is ACTIVE a
 * moment before SCR (on its own thread) registers its components' services, so a plugin described
 * right after it started would seem to contribute nothing. Polls on the caller's thread; the wait is
 * bounded because a component may rightly wait for a service that is not there.
 */
final class ComponentWait {
    static final Duration LIMIT = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 50;
    private static final String SERVICE_COMPONENT = "Service-Component";

    private final BundleContext context;

    ComponentWait(BundleContext context) {
        this.context = context;
    }

    /** True once {@code bundle}'s components are set up, false if {@code limit} passed first. */
    boolean await(Bundle bundle, Duration limit) {
        if (bundle.getHeaders().get(SERVICE_COMPONENT) == null) {
            return true; // no Declarative Services components: nothing will follow
        }
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (settledNow(bundle)) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private boolean settledNow(Bundle bundle) {
        ServiceReference<ServiceComponentRuntime> ref;
        try {
            ref = context.getServiceReference(ServiceComponentRuntime.class);
        } catch (IllegalStateException e) {
            return true; // we are being stopped
        }
        if (ref == null) {
            return true; // no SCR: the components will not be set up however long we wait
        }
        ServiceComponentRuntime scr = context.getService(ref);
        if (scr == null) {
            return true;
        }
        try {
            return settled(scr.getComponentDescriptionDTOs(bundle), scr::isComponentEnabled,
                    scr::getComponentConfigurationDTOs);
        } catch (RuntimeException e) {
            return true; // the bundle went away meanwhile
        } finally {
            context.ungetService(ref);
        }
    }

    /**
     * Whether the components of a bundle that declares some are set up: SCR knows them, and each
     * enabled one that needs no configuration from outside has a configuration that is satisfied
     * with its service registered (or that failed to activate: waiting will not help it).
     */
    static boolean settled(Collection<ComponentDescriptionDTO> descriptions, Predicate<ComponentDescriptionDTO> enabled,
                           Function<ComponentDescriptionDTO, Collection<ComponentConfigurationDTO>> configurations) {
        if (descriptions.isEmpty()) {
            return false; // SCR has not read the bundle yet
        }
        for (ComponentDescriptionDTO d : descriptions) {
            if (!enabled.test(d) || d.factory != null) {
                continue; // a factory component has configurations only when someone asks for one
            }
            Collection<ComponentConfigurationDTO> configs = configurations.apply(d);
            if (configs.isEmpty()) {
                if ("require".equals(d.configurationPolicy)) {
                    continue; // waits for ConfigAdmin, maybe for ever
                }
                return false;
            }
            for (ComponentConfigurationDTO c : configs) {
                if (!settled(d, c)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean settled(ComponentDescriptionDTO d, ComponentConfigurationDTO c) {
        return switch (c.state) {
            case ComponentConfigurationDTO.SATISFIED, ComponentConfigurationDTO.ACTIVE ->
                    d.serviceInterfaces == null || d.serviceInterfaces.length == 0 || c.service != null;
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> true;
            default -> false;
        };
    }
}
