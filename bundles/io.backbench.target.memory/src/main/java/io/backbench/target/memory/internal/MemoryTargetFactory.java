package io.backbench.target.memory.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.memory.MemoryTarget;

/**
 * The {@code memory} target type: named stores in memory. Opening the same name again gives a new
 * handle on the same objects for as long as this component lives (immediate, so as long as the
 * bundle is active); stopping the bundle forgets every store.
 */
@Component(service = TargetFactory.class, immediate = true, property = TargetFactory.TYPE_PROPERTY + "=memory")
public class MemoryTargetFactory implements TargetFactory {
    static final String NAME = "name";
    static final String DEFAULT_NAME = "default";

    private final Map<String, MemoryTarget> stores = new ConcurrentHashMap<>();

    @Override
    public String type() {
        return "memory";
    }

    @Override
    public String displayName() {
        return "In memory";
    }

    @Override
    public String description() {
        return "Keeps objects in this process's memory, for tests and demonstrations. Nothing survives a restart.";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(SettingDescriptor.optional(NAME, "Store name", SettingDescriptor.Type.STRING, DEFAULT_NAME,
                "Targets opened with the same name share their objects while Backbench runs, e.g. 'scratch'."));
    }

    @Override
    public StorageTarget open(TargetSettings settings) throws TargetException {
        String name = settings.get(NAME).orElse(DEFAULT_NAME).trim();
        return stores.computeIfAbsent(name, MemoryTarget::new).share();
    }

    // Called by SCR when the bundle stops; the stores' handles still out there stay usable until closed.
    @Deactivate
    void deactivate() {
        stores.clear();
    }
}
