package io.backbench.cli.internal;

import io.backbench.cli.api.Json;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.backbench.cli.api.Command;
import io.backbench.core.api.AvailablePlugin;
import io.backbench.cli.api.CommandContext;
import io.backbench.core.api.PluginException;
import io.backbench.core.api.PluginInfo;
import io.backbench.core.api.PluginManager;

/** {@code backbench plugins list|available|install|update|uninstall|trust}. */
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
        return "List, install (from a jar or a plugin repository), update and uninstall plugins";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench plugins list [--json]
                       backbench plugins available [--repo URL|DIR] [--json]
                       backbench plugins install JAR
                       backbench plugins install --repo URL|DIR NAME[@VERSION]
                       backbench plugins update SYMBOLIC-NAME JAR
                       backbench plugins uninstall SYMBOLIC-NAME
                       backbench plugins trust list|add CERT.pem|remove ALIAS

                list       every installed bundle: id, symbolic name, version, state, feature
                           ("plugin" for those in the plugins folder) and what it contributes
                available  the plugins a repository offers (an OSGi repository index in a folder or
                           at a file:/http: URL; default: the configured repositories, else the
                           product's own) and whether each is installed
                install    checks that JAR is a bundle whose requirements are met, copies it into
                           the plugins folder and waits until it is started; with --repo, installs
                           the plugin NAME (symbolic name or name) and the repository bundles it
                           needs, all or nothing
                update     replaces an installed plugin by a newer JAR (checked the same way)
                uninstall  removes a plugin from the plugins folder and the running system
                trust      the certificates of publishers whose signed plugins are accepted

                Plugins must be signed by a trusted publisher unless "Allow unsigned or untrusted
                plugins" is ticked in Preferences > Plugins. Only plugins (not the product's own
                bundles) can be updated or uninstalled.""";
    }

    @Override
    public boolean supportsJson() {
        return true;
    }

    @Override
    public int run(List<String> args, CommandContext ctx) {
        if (args.isEmpty()) {
            return ctx.usageError("'plugins' needs a sub-command: list, available, install, update, uninstall or trust");
        }
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (ctx.json() && !sub.equals("list") && !sub.equals("available")) {
            return ctx.usageError("--json applies to 'plugins list' and 'plugins available' only");
        }
        try {
            return switch (sub) {
                case "list" -> rest.isEmpty() ? list(ctx) : ctx.usageError("'plugins list' takes no arguments");
                case "available" -> available(rest, ctx);
                case "trust" -> new PluginTrust(plugins).run(rest, ctx);
                case "install" -> rest.size() == 1 ? install(rest.get(0), ctx)
                        : rest.size() == 3 && rest.get(0).equals("--repo") ? installFromRepository(rest.get(1), rest.get(2), ctx)
                        : ctx.usageError("'plugins install' takes a JAR file, or --repo URL|DIR NAME[@VERSION]");
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
            ctx.out().println(Json.pretty(json));
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

    private int available(List<String> rest, CommandContext ctx) throws PluginException {
        List<String> repos;
        if (rest.isEmpty()) {
            repos = plugins.repositories();
            if (repos.isEmpty()) {
                return ctx.failure("no plugin repository is configured; give one with --repo URL|DIR, or set "
                        + "'Plugin repositories' in Preferences > Plugins");
            }
        } else if (rest.size() == 2 && rest.get(0).equals("--repo")) {
            repos = List.of(rest.get(1));
        } else {
            return ctx.usageError("'plugins available' takes no argument or --repo URL|DIR");
        }
        List<Object> json = new ArrayList<>();
        for (String repo : repos) {
            List<AvailablePlugin> offered = plugins.available(repo);
            if (ctx.json()) {
                for (AvailablePlugin p : offered) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("repository", repo);
                    o.put("symbolicName", p.symbolicName());
                    o.put("name", p.name());
                    o.put("version", p.version());
                    o.put("vendor", p.vendor());
                    o.put("description", p.description());
                    o.put("provides", p.provides());
                    o.put("state", p.state());
                    o.put("installedVersion", p.installedVersion());
                    json.add(o);
                }
                continue;
            }
            ctx.out().println("Repository: " + repo);
            Table t = new Table("NAME", "SYMBOLIC NAME", "VERSION", "VENDOR", "STATE", "PROVIDES");
            for (AvailablePlugin p : offered) {
                t.row(p.name(), p.symbolicName(), p.version(), p.vendor(), p.state()
                        + (p.state().equals(AvailablePlugin.UPDATE_AVAILABLE) ? " (" + p.installedVersion() + " installed)" : ""),
                        String.join(", ", p.provides()));
            }
            t.print(ctx.out());
            ctx.out().println();
        }
        if (ctx.json()) {
            ctx.out().println(Json.pretty(json));
        }
        return 0;
    }

    private int installFromRepository(String repo, String spec, CommandContext ctx) throws PluginException {
        int at = spec.lastIndexOf('@');
        String name = at > 0 ? spec.substring(0, at) : spec;
        String version = at > 0 ? spec.substring(at + 1) : null;
        PluginInfo p = plugins.installFromRepository(repo, name, version);
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
