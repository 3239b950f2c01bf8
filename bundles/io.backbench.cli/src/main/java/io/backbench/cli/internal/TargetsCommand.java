package io.backbench.cli.internal;

import io.backbench.cli.api.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;
import io.backbench.core.api.TargetTypes;
import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.TargetFactory;

/** {@code backbench targets types|list|add|remove|show|test}. */
final class TargetsCommand implements Command {
    private final TargetTypes types;
    private final ConfiguredTargetsCommands configured;
    private final Function<TargetFactory, String> providerOf;

    /** {@code providerOf} names the bundle that provides a factory ("" if unknown). */
    TargetsCommand(TargetTypes types, ConfiguredTargetsCommands configured, Function<TargetFactory, String> providerOf) {
        this.types = types;
        this.configured = configured;
        this.providerOf = providerOf;
    }

    @Override
    public String name() {
        return "targets";
    }

    @Override
    public String summary() {
        return "Show the storage target types, and add, list and remove configured targets";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench targets types [--json]
                       backbench targets list [--json]
                       backbench targets add NAME TYPE key=value...
                       backbench targets show NAME [--json]
                       backbench targets test NAME
                       backbench targets remove NAME

                types   lists the storage target types the installed bundles and plugins provide: the
                        type name used in locations, what it is, which bundle provides it, its settings.
                list    lists the configured targets; use one as a repository with -r target:NAME.
                add     adds (or replaces) a configured target. Secret settings are stored encrypted;
                        give a secret as key=- to be asked for it instead of typing it on the command line.
                show    shows a target's settings, secrets masked.
                test    opens the target and lists it, to check the settings and the connection.
                remove  forgets a configured target; its data on the storage is not touched.""";
    }

    @Override
    public boolean supportsJson() {
        return true;
    }

    @Override
    public int run(List<String> args, CommandContext ctx) {
        if (args.isEmpty()) {
            return ctx.usageError("'targets' needs a sub-command: types, list, add, show, test or remove");
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "types":
                break;
            case "list":
                return configured.list(rest, ctx);
            case "add":
                return configured.add(rest, ctx);
            case "remove":
                return configured.remove(rest, ctx);
            case "show":
                return configured.show(rest, ctx);
            case "test":
                return configured.test(rest, ctx);
            default:
                return ctx.usageError("unknown sub-command 'targets " + args.get(0) + "'");
        }
        if (args.size() > 1) {
            return ctx.usageError("'targets types' takes no arguments");
        }
        List<TargetFactory> all = types.all();
        if (ctx.json()) {
            List<Object> json = new ArrayList<>();
            for (TargetFactory f : all) {
                json.add(toJson(f));
            }
            ctx.out().println(Json.pretty(json));
            return 0;
        }
        if (all.isEmpty()) {
            ctx.out().println("No storage target types are installed. Target types come from bundles and plugins;"
                    + " add one with 'backbench plugins install JAR'.");
            return 0;
        }
        boolean first = true;
        for (TargetFactory f : all) {
            if (!first) {
                ctx.out().println();
            }
            first = false;
            print(f, ctx);
        }
        return 0;
    }

    private void print(TargetFactory f, CommandContext ctx) {
        String provider = providerOf.apply(f);
        ctx.out().println(f.type() + " - " + f.displayName() + (provider.isEmpty() ? "" : "  (provided by " + provider + ")"));
        ctx.out().println("  " + f.description());
        List<SettingDescriptor> settings = f.settings();
        if (settings.isEmpty()) {
            ctx.out().println("  Settings: none");
            return;
        }
        ctx.out().println("  Settings:");
        Table t = Table.withoutHeader(5);
        for (SettingDescriptor s : settings) {
            String need = s.required() ? "required" : s.defaultValue() == null ? "optional" : "default " + s.defaultValue();
            String type = s.type().name().toLowerCase() + (s.choices().isEmpty() ? "" : " " + String.join("|", s.choices()));
            t.row("   ", s.key(), type, need, s.description());
        }
        t.print(ctx.out());
    }

    private Map<String, Object> toJson(TargetFactory f) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", f.type());
        o.put("name", f.displayName());
        o.put("description", f.description());
        o.put("providedBy", providerOf.apply(f));
        List<Object> settings = new ArrayList<>();
        for (SettingDescriptor s : f.settings()) {
            Map<String, Object> so = new LinkedHashMap<>();
            so.put("key", s.key());
            so.put("label", s.label());
            so.put("type", s.type().name());
            so.put("required", s.required());
            so.put("default", s.defaultValue());
            so.put("choices", s.choices());
            so.put("description", s.description());
            settings.add(so);
        }
        o.put("settings", settings);
        return o;
    }
}
