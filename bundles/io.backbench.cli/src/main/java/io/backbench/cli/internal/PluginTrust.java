package io.backbench.cli.internal;

import java.nio.file.Path;
import java.util.List;

import io.backbench.cli.api.CommandContext;
import io.backbench.core.api.PluginException;
import io.backbench.core.api.PluginManager;
import io.backbench.core.api.TrustedPublisher;

/** {@code backbench plugins trust list|add CERT.pem|remove ALIAS}: the plugin trust store. */
final class PluginTrust {
    private final PluginManager plugins;

    PluginTrust(PluginManager plugins) {
        this.plugins = plugins;
    }

    int run(List<String> args, CommandContext ctx) throws PluginException {
        if (args.isEmpty()) {
            return ctx.usageError("'plugins trust' needs list, add CERT.pem or remove ALIAS");
        }
        String sub = args.get(0);
        if (sub.equals("list") && args.size() == 1) {
            Table t = new Table("ALIAS", "SUBJECT", "VALID UNTIL", "SHA-256");
            for (TrustedPublisher p : plugins.trustedPublishers()) {
                t.row(p.alias(), p.subject(), p.notAfter(), p.sha256());
            }
            t.print(ctx.out());
            if (!plugins.allowsUntrusted()) {
                ctx.out().println();
                ctx.out().println("Only plugins signed by these publishers are installed.");
            } else {
                ctx.out().println();
                ctx.out().println("Unsigned and untrusted plugins are allowed too (Preferences > Plugins).");
            }
            return 0;
        }
        if (sub.equals("add") && args.size() == 2) {
            for (TrustedPublisher p : plugins.trust(Path.of(args.get(1)).toAbsolutePath())) {
                ctx.out().println("trusted " + p.subject() + " as " + p.alias() + " (SHA-256 " + p.sha256() + ")");
            }
            return 0;
        }
        if (sub.equals("remove") && args.size() == 2) {
            plugins.distrust(args.get(1));
            ctx.out().println("removed " + args.get(1) + " from the plugin trust store");
            return 0;
        }
        return ctx.usageError("'plugins trust' takes list, add CERT.pem or remove ALIAS");
    }
}
