package io.backbench.cli.internal;

import io.backbench.cli.api.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;

/** {@code backbench version [--json]}. */
final class VersionCommand implements Command {
    private final Supplier<VersionInfo> info;

    VersionCommand(Supplier<VersionInfo> info) {
        this.info = info;
    }

    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "Show the versions of Backbench, Java, the OS and the OSGi framework";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench version [--json]

                Shows the product version, the Java runtime, the operating system, the OSGi
                framework and the data folder in use. --json prints one JSON object.""";
    }

    @Override
    public boolean supportsJson() {
        return true;
    }

    @Override
    public int run(List<String> args, CommandContext ctx) {
        if (!args.isEmpty()) {
            return ctx.usageError("'version' takes no arguments, but got '" + args.get(0) + "'");
        }
        VersionInfo v = info.get();
        if (ctx.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("version", v.product());
            json.put("java", v.java());
            json.put("javaVendor", v.javaVendor());
            json.put("os", v.os());
            json.put("framework", v.framework());
            json.put("frameworkVersion", v.frameworkVersion());
            json.put("home", v.home());
            ctx.out().println(Json.pretty(json));
        } else {
            Table t = Table.withoutHeader(2);
            t.row("Backbench", v.product());
            t.row("Java", v.java() + " (" + v.javaVendor() + ")");
            t.row("OS", v.os());
            t.row("Framework", v.framework() + " " + v.frameworkVersion());
            t.row("Home", v.home());
            t.print(ctx.out());
        }
        return 0;
    }
}
