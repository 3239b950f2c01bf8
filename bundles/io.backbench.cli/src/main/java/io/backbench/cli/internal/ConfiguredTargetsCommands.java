package io.backbench.cli.internal;

import io.backbench.cli.api.Json;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.backbench.cli.api.CommandContext;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.ConfiguredTargets.Entry;
import io.backbench.core.api.TargetTypes;
import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;

/** {@code backbench targets list|add|remove|show|test}: the configured targets. Secrets are never printed. */
final class ConfiguredTargetsCommands {
    static final String MASK = "********";

    private final TargetTypes types;
    private final ConfiguredTargets targets;
    /** Where {@code key=-} reads a secret from when there is no terminal (tests give their own). */
    private final Supplier<String> secretInput;

    ConfiguredTargetsCommands(TargetTypes types, ConfiguredTargets targets, Supplier<String> secretInput) {
        this.types = types;
        this.targets = targets;
        this.secretInput = secretInput;
    }

    ConfiguredTargetsCommands(TargetTypes types, ConfiguredTargets targets) {
        this(types, targets, ConfiguredTargetsCommands::readSecret);
    }

    int list(List<String> args, CommandContext ctx) {
        if (!args.isEmpty()) {
            return ctx.usageError("'targets list' takes no arguments");
        }
        List<Entry> all = targets.all();
        if (ctx.json()) {
            List<Object> json = new ArrayList<>();
            for (Entry e : all) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("name", e.name());
                o.put("type", e.type());
                o.put("installed", types.find(e.type()).isPresent());
                o.put("summary", summary(e));
                o.put("location", "target:" + e.name());
                json.add(o);
            }
            ctx.out().println(Json.pretty(json));
            return 0;
        }
        if (all.isEmpty()) {
            ctx.out().println("No targets are configured. Add one with 'backbench targets add NAME TYPE key=value...'"
                    + " ('backbench targets types' lists the types and their settings).");
            return 0;
        }
        Table t = new Table("NAME", "TYPE", "WHERE");
        for (Entry e : all) {
            t.row(e.name(), e.type() + (types.find(e.type()).isPresent() ? "" : " (type not installed)"), summary(e));
        }
        t.print(ctx.out());
        return 0;
    }

    int add(List<String> args, CommandContext ctx) {
        if (args.size() < 2) {
            return ctx.usageError("'targets add' needs a name and a type: backbench targets add NAME TYPE key=value...");
        }
        String name = args.get(0);
        String type = args.get(1);
        Optional<TargetFactory> factory = types.find(type);
        if (factory.isEmpty()) {
            return ctx.failure("the " + type + " target type is not installed; 'backbench targets types' lists the installed"
                    + " types, 'backbench plugins install JAR' adds one");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String kv : args.subList(2, args.size())) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                return ctx.usageError("'" + kv + "' is not key=value (a secret given as key=- is asked for)");
            }
            String key = kv.substring(0, eq).trim();
            String value = kv.substring(eq + 1);
            if (value.equals("-") && secret(factory.get(), key)) {
                value = secretInput.get();
                if (value == null || value.isEmpty()) {
                    return ctx.failure("no value for the secret setting '" + key + "' was entered; nothing was saved");
                }
            }
            settings.put(key, value);
        }
        boolean replacing = targets.find(name).isPresent();
        try {
            targets.save(new Entry(name, type, TargetSettings.of(settings)));
        } catch (TargetException e) {
            return ctx.failure(e.getMessage());
        }
        ctx.out().println((replacing ? "Replaced" : "Added") + " target '" + name + "' (" + type + "); use it as -r target:"
                + name + ", check it with 'backbench targets test " + name + "'");
        return 0;
    }

    int remove(List<String> args, CommandContext ctx) {
        if (args.size() != 1) {
            return ctx.usageError("'targets remove' needs one name");
        }
        if (targets.find(args.get(0)).isEmpty()) {
            return ctx.failure("there is no configured target named '" + args.get(0) + "'; 'backbench targets list' shows them");
        }
        targets.delete(args.get(0));
        ctx.out().println("Removed target '" + args.get(0) + "'. Its data on the storage was not touched.");
        return 0;
    }

    int show(List<String> args, CommandContext ctx) {
        if (args.size() != 1) {
            return ctx.usageError("'targets show' needs one name");
        }
        Optional<Entry> found = targets.find(args.get(0));
        if (found.isEmpty()) {
            return ctx.failure("there is no configured target named '" + args.get(0) + "'; 'backbench targets list' shows them");
        }
        Entry e = found.get();
        Optional<TargetFactory> factory = types.find(e.type());
        Map<String, String> shown = new LinkedHashMap<>();
        e.settings().asMap().forEach((k, v) -> shown.put(k, factory.isEmpty() || secret(factory.get(), k) ? MASK : v));
        if (ctx.json()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", e.name());
            o.put("type", e.type());
            o.put("installed", factory.isPresent());
            o.put("settings", shown);
            ctx.out().println(Json.pretty(o));
            return 0;
        }
        ctx.out().println("Name      " + e.name());
        ctx.out().println("Type      " + e.type() + (factory.isPresent() ? " - " + factory.get().displayName()
                : " (not installed: its values are all hidden, since which of them are secret is unknown)"));
        ctx.out().println("Location  target:" + e.name());
        ctx.out().println("Settings:");
        Table t = Table.withoutHeader(3);
        new java.util.TreeMap<>(shown).forEach((k, v) -> t.row("   ", k, v));
        t.print(ctx.out());
        return 0;
    }

    int test(List<String> args, CommandContext ctx) {
        if (args.size() != 1) {
            return ctx.usageError("'targets test' needs one name");
        }
        AtomicLong objects = new AtomicLong();
        try (StorageTarget target = targets.open("target:" + args.get(0))) {
            target.list("", info -> objects.incrementAndGet());
            ctx.out().println("Target '" + args.get(0) + "' works: " + target.describe() + " holds " + objects.get() + " objects.");
            return 0;
        } catch (TargetException e) {
            return ctx.failure(e.getMessage());
        }
    }

    /** The values of the required, non-secret settings: where the data lives, for a list. */
    static String summary(Entry e, Optional<TargetFactory> factory) {
        if (factory.isEmpty()) {
            return "type not installed";
        }
        List<String> parts = new ArrayList<>();
        for (SettingDescriptor d : factory.get().settings()) {
            if (d.type() != SettingDescriptor.Type.SECRET && (d.required() || d.type() == SettingDescriptor.Type.URL)) {
                e.settings().get(d.key()).ifPresent(parts::add);
            }
        }
        return String.join(", ", parts);
    }

    private String summary(Entry e) {
        return summary(e, types.find(e.type()));
    }

    private static boolean secret(TargetFactory f, String key) {
        return f.settings().stream().anyMatch(d -> d.key().equals(key) && d.type() == SettingDescriptor.Type.SECRET);
    }

    private static String readSecret() {
        Console c = System.console();
        if (c != null) {
            char[] p = c.readPassword("secret: ");
            return p == null ? null : new String(p);
        }
        try {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
