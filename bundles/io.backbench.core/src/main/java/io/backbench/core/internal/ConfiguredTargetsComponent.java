package io.backbench.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.DataFolders;
import io.backbench.core.api.TargetTypes;
import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFactory;

/**
 * The configured targets, kept by {@link TargetStore} under {@code <home>/config/targets}, and the
 * one location resolver ({@link TargetResolver}). Listeners run on the thread that saved or deleted.
 */
@Component(service = ConfiguredTargets.class)
public class ConfiguredTargetsComponent implements ConfiguredTargets {
    private final TargetStore store;
    private final Function<String, Optional<TargetFactory>> types;
    private final TargetResolver resolver;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public ConfiguredTargetsComponent(@Reference DataFolders folders, @Reference TargetTypes types) {
        this(folders.config(), types::find);
    }

    /** Outside a framework (tests, tools): targets under {@code config/targets}, types from {@code types}. */
    public ConfiguredTargetsComponent(Path config, Function<String, Optional<TargetFactory>> types) {
        this.store = new TargetStore(config);
        this.types = types;
        this.resolver = new TargetResolver(types, store::read);
    }

    @Override
    public List<Entry> all() {
        try {
            return store.all();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configured targets in " + store.folder() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Entry> find(String name) {
        try {
            return TargetStore.NAME.matcher(String.valueOf(name)).matches() ? store.read(name) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configured target '" + name + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void save(Entry entry) throws TargetException {
        try {
            TargetStore.checkName(entry.name());
        } catch (IllegalArgumentException e) {
            throw TargetException.permanentFailure(e.getMessage(), null);
        }
        TargetFactory factory = types.apply(entry.type()).orElseThrow(() -> TargetException.permanentFailure("the "
                + entry.type() + " target type is not installed; install its plugin, or choose an installed type"
                + " ('backbench targets types' lists them)", null));
        List<SettingDescriptor> descriptors = factory.settings();
        List<String> missing = descriptors.stream().filter(SettingDescriptor::required)
                .filter(d -> entry.settings().get(d.key()).isEmpty()).map(d -> d.key() + " (" + d.label() + ")").toList();
        if (!missing.isEmpty()) {
            throw TargetException.permanentFailure("target '" + entry.name() + "' of type " + entry.type()
                    + " needs a value for " + String.join(", ", missing), null);
        }
        List<String> unknown = entry.settings().asMap().keySet().stream()
                .filter(k -> descriptors.stream().noneMatch(d -> d.key().equals(k))).sorted().toList();
        if (!unknown.isEmpty()) {
            throw TargetException.permanentFailure("target type " + entry.type() + " has no setting " + String.join(", ", unknown)
                    + "; its settings are " + descriptors.stream().map(SettingDescriptor::key).collect(Collectors.joining(", ")), null);
        }
        Set<String> secrets = descriptors.stream().filter(d -> d.type() == SettingDescriptor.Type.SECRET)
                .map(SettingDescriptor::key).collect(Collectors.toSet());
        try {
            store.write(entry, secrets);
        } catch (IOException e) {
            throw TargetException.permanentFailure("cannot save target '" + entry.name() + "' in " + store.folder() + ": "
                    + e.getMessage(), e);
        }
        fire();
    }

    @Override
    public void delete(String name) {
        try {
            if (TargetStore.NAME.matcher(String.valueOf(name)).matches() && store.delete(name)) {
                fire();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the configured target '" + name + "': " + e.getMessage(), e);
        }
    }

    @Override
    public StorageTarget open(String location, boolean create) throws TargetException {
        return resolver.open(location, create);
    }

    @Override
    public String display(String location) {
        return resolver.display(location);
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void fire() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                System.err.println("backbench: a configured-targets listener failed: " + e);
            }
        }
    }
}
