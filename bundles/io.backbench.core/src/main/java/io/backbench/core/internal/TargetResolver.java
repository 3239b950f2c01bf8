package io.backbench.core.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.backbench.core.api.ConfiguredTargets.Entry;
import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;

/** Turns a {@link Location} into an open target: the one resolver. Free of OSGi; thread-safe. */
final class TargetResolver {
    static final String CREATE = "create";

    /** Reads a configured target by name (empty when there is none). */
    interface Named {
        Optional<Entry> find(String name) throws IOException;
    }

    private final Function<String, Optional<TargetFactory>> types;
    private final Named named;

    TargetResolver(Function<String, Optional<TargetFactory>> types, Named named) {
        this.types = types;
        this.named = named;
    }

    StorageTarget open(String text, boolean create) throws TargetException {
        Location location = Location.parse(text);
        String type;
        Map<String, String> settings = new LinkedHashMap<>();
        boolean configured = location.named();
        if (configured) {
            Entry entry = find(location.name());
            type = entry.type();
            settings.putAll(entry.settings().asMap());
        } else {
            type = location.type();
            settings.putAll(location.settings());
        }
        TargetFactory factory = factory(type, location.text());
        if (location.value() != null) {
            SettingDescriptor first = factory.settings().stream().filter(SettingDescriptor::required).findFirst()
                    .orElseThrow(() -> TargetException.permanentFailure("target type " + type + " takes no location value;"
                            + " write " + type + ":key=value,... ('backbench targets types' lists its settings)", null));
            settings.put(first.key(), location.value());
        }
        if (factory.settings().stream().anyMatch(s -> s.key().equals(CREATE)) && (create || !configured)) {
            settings.put(CREATE, Boolean.toString(create));
        }
        try {
            return factory.open(TargetSettings.of(settings));
        } catch (TargetException e) {
            String where = configured ? "target '" + location.name() + "' (" + type + ")" : "'" + display(location.text()) + "'";
            throw new TargetException("cannot open the repository location " + where + ": " + e.getMessage(), e,
                    e.isRetryable());
        }
    }

    /** See {@link io.backbench.core.api.ConfiguredTargets#display}. */
    String display(String text) {
        Location location;
        try {
            location = Location.parse(text);
        } catch (TargetException | RuntimeException e) {
            return Location.redact(text, Location::secretByName, false);
        }
        Optional<TargetFactory> factory = location.named() ? Optional.empty() : types.apply(location.type());
        if (factory.isEmpty()) {
            return Location.redact(text, Location::secretByName, false);
        }
        List<SettingDescriptor> descriptors = factory.get().settings();
        Set<String> secrets = descriptors.stream().filter(d -> d.type() == SettingDescriptor.Type.SECRET).map(SettingDescriptor::key)
                .collect(Collectors.toSet());
        // TYPE:VALUE stands for the type's first required setting
        boolean secretValue = descriptors.stream().filter(SettingDescriptor::required).findFirst()
                .map(d -> d.type() == SettingDescriptor.Type.SECRET).orElse(false);
        return Location.redact(text, k -> secrets.contains(k) || Location.secretByName(k), secretValue);
    }

    private Entry find(String name) throws TargetException {
        try {
            return named.find(name).orElseThrow(() -> TargetException.permanentFailure("there is no configured target"
                    + " named '" + name + "'; 'backbench targets list' shows them, 'backbench targets add' adds one", null));
        } catch (IOException e) {
            if (e instanceof TargetException te) {
                throw te;
            }
            throw TargetException.permanentFailure("cannot read the configured target '" + name + "': " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw TargetException.permanentFailure(e.getMessage(), e);
        }
    }

    private TargetFactory factory(String type, String location) throws TargetException {
        return types.apply(type).orElseThrow(() -> TargetException.permanentFailure("the " + type + " target type is not"
                + " installed (repository " + Location.redact(location, Location::secretByName, false) + "); install its plugin ('backbench targets types' lists the"
                + " installed types)", null));
    }
}
