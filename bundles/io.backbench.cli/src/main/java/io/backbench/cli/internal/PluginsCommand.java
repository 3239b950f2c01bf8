package io.backbench.cli.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;
import io.backbench.core.api.PluginException;
import io.backbench.core.api.PluginInfo;
import io.backbench.core.api.PluginManager;

/** {@code backbench plugins list|install|update|uninstall}. */
final class PluginsCommand implements Command {
    private final PluginManager plugins;

    PluginsCommand(PluginManager plugins) {
        this.plugins = plugins;
    }

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String summary() {
        return "List, install, update and uninstall plugins";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench plugins list [--json]
                       backbench plugins install JAR
                       backbench plugins update SYMBOLIC-NAME JAR
                       backbench plugins uninstall SYMBOLIC-NAME

                list       every installed bundle: id, symbolic name, version, state, feature
                           ("plugin" for those in the plugins folder) and what it contributes
                install    checks that JAR is a bundle whose requirements are met, copies it into
                           the plugins folder and waits until it is started
                update     replaces an installed plugin by a newer JAR (checked the same way)
                uninstall  removes a plugin from the plugins folder and the running system

                Only plugins (not the product's own bundles) can be updated or uninstalled.""";
    }

    @Override
    public boolean supportsJson() {
        return true;
    }

    @Override
    public int run(List<String> args, CommandContext ctx) {
        if (args.isEmpty()) {
            return ctx.usageError("'plugins' needs a sub-command: list, install, update or uninstall");
        }
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (ctx.json() && !sub.equals("list")) {
            return ctx.usageError("--json applies to 'plugins list' only");
        }
        try {
            return switch (sub) {
                case "list" -> rest.isEmpty() ? list(ctx) : ctx.usageError("'plugins list' takes no arguments");
                case "install" -> rest.size() == 1 ? install(rest.get(0), ctx)
                        : ctx.usageError("'plugins install' takes one argument: the JAR file");
                case "update" -> rest.size() == 2 ? update(rest.get(0), rest.get(1), ctx)
                        : ctx.usageError("'plugins update' takes two arguments: SYMBOLIC-NAME JAR");
                case "uninstall" -> rest.size() == 1 ? uninstall(rest.get(0), ctx)
                        : ctx.usageError("'plugins uninstall' takes one argument: the plugin's SYMBOLIC-NAME");
                default -> ctx.usageError("unknown sub-command 'plugins " + sub + "'");
            };
        } catch (PluginException e) {
            return ctx.failure(e.getMessage());
        }
    }

    private int list(CommandContext ctx) {
        List<PluginInfo> all = plugins.plugins();
        if (ctx.json()) {
            List<Object> json = new ArrayList<>();
            for (PluginInfo p : all) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("id", p.bundleId());
                o.put("symbolicName", p.symbolicName());
                o.put("name", p.name());
                o.put("version", p.version());
                o.put("vendor", p.vendor());
                o.put("description", p.description());
                o.put("state", p.state());
                o.put("feature", p.feature());
                o.put("removable", p.removable());
                o.put("contributions", p.contributions());
                json.add(o);
            }
            ctx.out().println(Json.write(json));
            return 0;
        }
        Table t = new Table("ID", "SYMBOLIC NAME", "VERSION", "STATE", "FEATURE", "CONTRIBUTES");
        for (PluginInfo p : all) {
            t.row(p.bundleId(), p.symbolicName(), p.version(), p.state(), p.feature(), String.join("; ", p.contributions()));
        }
        t.print(ctx.out());
        ctx.out().println();
        ctx.out().println("Plugins folder: " + plugins.pluginFolder());
        return 0;
    }

    private int install(String jar, CommandContext ctx) throws PluginException {
        PluginInfo p = plugins.install(path(jar));
        ctx.out().println("installed " + p.symbolicName() + " " + p.version() + " (" + p.state() + ")" + contributes(p));
        return 0;
    }

    private int update(String symbolicName, String jar, CommandContext ctx) throws PluginException {
        PluginInfo p = plugins.update(symbolicName, path(jar));
        ctx.out().println("updated " + p.symbolicName() + " to " + p.version() + " (" + p.state() + ")" + contributes(p));
        return 0;
    }

    private int uninstall(String symbolicName, CommandContext ctx) throws PluginException {
        plugins.uninstall(symbolicName);
        ctx.out().println("uninstalled " + symbolicName);
        return 0;
    }

    private static String contributes(PluginInfo p) {
        return p.contributions().isEmpty() ? "" : ": " + String.join("; ", p.contributions());
    }

    private static Path path(String arg) throws PluginException {
        try {
            return Path.of(arg).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new PluginException("'" + arg + "' is not a valid file path: " + e.getReason());
        }
    }
}
