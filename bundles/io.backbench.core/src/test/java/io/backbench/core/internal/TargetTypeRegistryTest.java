package io.backbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;

class TargetTypeRegistryTest {
    private final List<String> warnings = new ArrayList<>();
    private final TargetTypeRegistry registry = new TargetTypeRegistry(warnings::add);

    @Test
    void listsFactoriesSortedByType() {
        registry.add(entry(1, "s3"));
        registry.add(entry(2, "disk"));
        assertEquals(List.of("disk", "s3"), registry.all().stream().map(TargetFactory::type).toList());
        assertTrue(registry.find("disk").isPresent());
        assertTrue(registry.find("tape").isEmpty());
    }

    @Test
    void firstRegisteredWinsADuplicateTypeAndTheOtherIsReported() {
        TargetTypeRegistry.Entry first = entry(5, "disk");
        registry.add(first);
        registry.add(entry(9, "disk"));
        assertSame(first.factory().get(), registry.find("disk").orElseThrow());
        assertEquals(1, registry.all().size());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("'disk'") && warnings.get(0).contains("bundle-9"), warnings.get(0));
    }

    @Test
    void anEarlierServiceWinsEvenWhenBoundLater() {
        TargetTypeRegistry.Entry early = entry(3, "disk");
        registry.add(entry(7, "disk"));
        registry.add(early);
        assertSame(early.factory().get(), registry.find("disk").orElseThrow());
    }

    @Test
    void theDuplicateTakesOverWhenTheWinnerGoesAway() {
        registry.add(entry(1, "disk"));
        TargetTypeRegistry.Entry second = entry(2, "disk");
        registry.add(second);
        registry.remove(1);
        assertSame(second.factory().get(), registry.find("disk").orElseThrow());
        registry.remove(2);
        assertTrue(registry.all().isEmpty());
    }

    @Test
    void aFactoryIsFetchedOnlyWhenItsTypeIsUsedOrAllAreListedAndLeftOutWhenItCannotBe() {
        List<String> fetched = new ArrayList<>();
        registry.add(new TargetTypeRegistry.Entry(1, "disk", "bundle-1", () -> {
            fetched.add("disk");
            return new NamedFactory("disk");
        }));
        registry.add(new TargetTypeRegistry.Entry(2, "s3", "bundle-2", () -> {
            fetched.add("s3");
            return new NamedFactory("s3");
        }));
        registry.add(new TargetTypeRegistry.Entry(3, "broken", "bundle-3", () -> null));
        assertEquals(List.of(), fetched, "adding fetches nothing");
        assertEquals("disk", registry.find("disk").orElseThrow().type());
        assertTrue(registry.find("nothing").isEmpty());
        assertEquals(List.of("disk"), fetched, "finding one type fetches only its factory");
        assertTrue(registry.find("broken").isEmpty(), "a factory that cannot be had is not found");
        assertEquals(List.of("disk", "s3"), registry.all().stream().map(TargetFactory::type).toList());
        assertEquals(List.of("disk", "disk", "s3"), fetched);
    }

    @Test
    void aFactoryThatCannotBeHadGivesWayToTheNextOfItsType() {
        registry.add(new TargetTypeRegistry.Entry(1, "disk", "bundle-1", () -> null));
        TargetTypeRegistry.Entry second = entry(2, "disk");
        registry.add(second);
        assertSame(second.factory().get(), registry.find("disk").orElseThrow());
        assertEquals(List.of(second.factory().get()), registry.all());
    }

    @Test
    void listenersAreToldOfEveryChange() {
        AtomicInteger calls = new AtomicInteger();
        Runnable listener = calls::incrementAndGet;
        registry.addListener(listener);
        registry.add(entry(1, "disk"));
        registry.remove(1);
        registry.removeListener(listener);
        registry.add(entry(2, "s3"));
        assertEquals(2, calls.get());
    }

    private static TargetTypeRegistry.Entry entry(long id, String type) {
        return TargetTypeRegistry.Entry.of(id, type, "bundle-" + id, new NamedFactory(type));
    }

    /** A factory that only has a name: the registry never opens targets. */
    private record NamedFactory(String type) implements TargetFactory {
        @Override
        public String displayName() {
            return type;
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public List<SettingDescriptor> settings() {
            return List.of();
        }

        @Override
        public StorageTarget open(TargetSettings settings) throws TargetException {
            throw TargetException.permanentFailure("not used in this test", null);
        }
    }
}
