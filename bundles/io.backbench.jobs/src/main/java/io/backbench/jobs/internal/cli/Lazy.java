package io.backbench.jobs.internal.cli;

import java.util.function.Supplier;

import org.osgi.service.component.ComponentServiceObjects;

/**
 * A service got only when a command first needs it. The CLI binds every command at start-up, so a
 * command's plain references would activate the job runner and the scheduler (and their catalog)
 * for every 'backbench version'. Thread-safe.
 */
final class Lazy<T> implements Supplier<T> {
    private final ComponentServiceObjects<T> objects;
    private final Supplier<T> given;
    private T service; // guarded by this

    private Lazy(ComponentServiceObjects<T> objects, Supplier<T> given) {
        this.objects = objects;
        this.given = given;
    }

    static <T> Lazy<T> of(ComponentServiceObjects<T> objects) {
        return new Lazy<>(objects, null);
    }

    /** An object already at hand (tests). */
    static <T> Lazy<T> of(T object) {
        return new Lazy<>(null, () -> object);
    }

    @Override
    public synchronized T get() {
        if (service == null) {
            service = objects != null ? objects.getService() : given.get();
            if (service == null) {
                throw new IllegalStateException("a service of this command could not be started; see the log for why");
            }
        }
        return service;
    }

    /** Gives the service back (at deactivation). */
    synchronized void release() {
        if (service != null && objects != null) {
            objects.ungetService(service);
        }
        service = null;
    }
}
