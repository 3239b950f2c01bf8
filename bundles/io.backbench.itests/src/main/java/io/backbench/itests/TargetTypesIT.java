package io.backbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.backbench.core.api.TargetTypes;
import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * The target types on the real framework and SCR: a factory service that names its type is only
 * fetched when that type is used, once; one that cannot be had gives way to the next of its type.
 */
class TargetTypesIT {

    /** A factory service that counts how often the framework is asked for it, and may give nothing. */
    private static final class Counting implements ServiceFactory<TargetFactory> {
        final AtomicInteger fetched = new AtomicInteger();
        private final TargetFactory factory;

        Counting(TargetFactory factory) {
            this.factory = factory;
        }

        @Override
        public TargetFactory getService(Bundle bundle, ServiceRegistration<TargetFactory> registration) {
            fetched.incrementAndGet();
            return factory; // null: the framework then gives the caller nothing, as for a failed activation
        }

        @Override
        public void ungetService(Bundle bundle, ServiceRegistration<TargetFactory> registration, TargetFactory service) {
        }
    }

    private record Named(String type) implements TargetFactory {
        @Override
        public String displayName() {
            return type;
        }

        @Override
        public String description() {
            return "a factory of the test";
        }

        @Override
        public List<SettingDescriptor> settings() {
            return List.of();
        }

        @Override
        public StorageTarget open(TargetSettings settings) throws TargetException {
            throw TargetException.permanentFailure("a test factory opens nothing", null);
        }
    }

    @SuppressWarnings("unchecked")
    private static ServiceRegistration<TargetFactory> register(String type, Counting service) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(TargetFactory.TYPE_PROPERTY, type);
        return (ServiceRegistration<TargetFactory>) Framework.context().registerService(TargetFactory.class.getName(), service, props);
    }

    @Test
    void aFactoryIsFetchedOnceAndOnlyWhenItsTypeIsUsed() {
        TargetTypes types = Framework.service(TargetTypes.class);
        Counting lazy = new Counting(new Named("itest-lazy"));
        ServiceRegistration<TargetFactory> reg = register("itest-lazy", lazy);
        try {
            assertTrue(types.find("disk").isPresent());
            assertEquals(0, lazy.fetched.get(), "registering it and using another type fetch nothing");
            assertTrue(Framework.within(Framework.SERVICE_WAIT, () -> types.find("itest-lazy").isPresent()),
                    "the type is found once SCR has bound the factory");
            types.find("itest-lazy");
            types.all();
            assertEquals(1, lazy.fetched.get(), "fetched on first use and kept");
        } finally {
            reg.unregister();
        }
        assertTrue(types.find("itest-lazy").isEmpty(), "gone with its service");
    }

    @Test
    void aFactoryThatCannotBeHadGivesWayToTheNextOfItsType() {
        TargetTypes types = Framework.service(TargetTypes.class);
        Counting broken = new Counting(null);
        Named working = new Named("itest-twice");
        ServiceRegistration<TargetFactory> first = register("itest-twice", broken);
        ServiceRegistration<TargetFactory> second = register("itest-twice", new Counting(working));
        try {
            assertTrue(Framework.within(Framework.SERVICE_WAIT, () -> types.find("itest-twice").isPresent()),
                    "the working factory stands in for the one registered first");
            assertSame(working, types.find("itest-twice").orElseThrow());
            assertTrue(broken.fetched.get() >= 1, "the first one was asked first");
        } finally {
            first.unregister();
            second.unregister();
        }
    }
}
