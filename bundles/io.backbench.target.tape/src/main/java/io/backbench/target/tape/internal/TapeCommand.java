package io.backbench.target.tape.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;
import io.backbench.cli.api.CommandLine;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;

/**
 * {@code backbench tape volumes|label|scan LOCATION}: the administrator's view of a tape library.
 * LOCATION is written as for {@code -r}: {@code tape:key=value,...} or {@code target:NAME} of a
 * configured tape target. Runs on the launcher's main thread.
 */
@Component(service = Command.class, property = Command.NAME_PROPERTY + "=tape")
public final class TapeCommand implements Command {

    private final TapeTargetFactory factory;

    // set by DS on its threads, read on the command's thread
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ConfiguredTargets configured;

    @Activate
    public TapeCommand(BundleContext context) {
        this(new TapeTargetFactory(DataHome.resolve(context.getProperty("backbench.home"))));
    }

    TapeCommand(TapeTargetFactory factory) {
        this.factory = factory;
    }

    @Override
    public String name() {
        return "tape";
    }

    @Override
    public String summary() {
        return "Tape libraries: list the cartridges, label a blank one, rebuild the catalog from the volumes";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench tape volumes LOCATION [--json]
                       backbench tape label LOCATION LABEL [--json]
                       backbench tape scan LOCATION [--json]

                volumes  the cartridges of the library as read from the tapes: label, sequence, block size,
                         tape files, bytes used and capacity (virtual cartridges), and state: open, full,
                         blank, foreign (another library's, or not a Backbench volume) or missing (in the
                         catalog but not in the library)
                label    writes the label LABEL (1-32 letters, digits, '-' or '_') on a blank cartridge as
                         the library's next volume: a virtual library makes the cartridge folder LABEL, a
                         drive labels the cartridge it holds. A cartridge that is not blank is never changed.
                scan     rebuilds the catalog (where each object is on tape) by reading every volume, and
                         reports the volumes, objects and bytes found and the cartridges skipped

                LOCATION as for -r: tape:key=value,... (the tape target's settings; separate the magazine's
                cartridges with '+') or target:NAME of a configured tape target. Do not run these while a
                job writes to the same library.

                Examples: backbench tape volumes tape:library=/srv/vtl,volumes=VOL001+VOL002
                          backbench tape label tape:driver=st,device=/dev/nst0 VOL007
                """;
    }

    @Override
    public boolean supportsJson() {
        return true;
    }

    @Override
    public int run(List<String> args, CommandContext ctx) {
        if (args.isEmpty()) {
            return ctx.usageError("'tape' needs a sub-command: volumes, label or scan");
        }
        for (String a : args) {
            if (a.startsWith("-")) {
                return ctx.usageError("unknown option '" + a + "' for 'tape'");
            }
        }
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        int wanted = sub.equals("label") ? 2 : 1;
        if (!List.of("volumes", "label", "scan").contains(sub)) {
            return ctx.usageError("unknown sub-command 'tape " + sub + "': use volumes, label or scan");
        }
        if (rest.size() != wanted) {
            return ctx.usageError("'tape " + sub + "' takes " + (wanted == 2 ? "LOCATION LABEL" : "one LOCATION"));
        }
        if (sub.equals("label")) {
            try {
                Volumes.checkLabel(rest.get(1));
            } catch (IllegalArgumentException e) {
                return ctx.usageError(e.getMessage());
            }
        }
        TapeLibrary library;
        try {
            library = factory.library(settings(rest.get(0)));
        } catch (TargetException e) {
            return ctx.failure(e.getMessage());
        }
        try {
            // the drive to itself: a job of this or another process would find its tape moved
            return SharedDrive.exclusive(library, sub.equals("volumes"), () -> switch (sub) {
                case "volumes" -> TapeReports.volumes(library, TapeTools.volumes(library), ctx);
                case "label" -> TapeReports.labelled(library, TapeTools.label(library, rest.get(1)), ctx);
                default -> TapeReports.scanned(library, TapeTools.scan(library), ctx);
            });
        } catch (IOException e) {
            return ctx.failure("tape " + sub + " on " + library.drive().describe() + ": " + e.getMessage());
        }
    }

    /** The tape settings a location names. */
    TargetSettings settings(String location) throws TargetException {
        String text = location.trim();
        if (text.startsWith("target:")) {
            String name = text.substring("target:".length()).trim();
            ConfiguredTargets targets = configured;
            if (targets == null) {
                throw TargetException.permanentFailure("cannot look up target '" + name + "': the configured targets"
                        + " service is not running; give the settings as tape:key=value,...", null);
            }
            ConfiguredTargets.Entry e = targets.find(name).orElseThrow(() -> TargetException.permanentFailure(
                    "no configured target '" + name + "'; 'backbench targets list' shows them", null));
            if (!e.type().equals("tape")) {
                throw TargetException.permanentFailure("target '" + name + "' is a " + e.type() + " target, not a tape"
                        + " target", null);
            }
            return e.settings();
        }
        if (!text.startsWith("tape:") || !text.contains("=")) {
            throw TargetException.permanentFailure("'" + location + "' is not a tape library: write"
                    + " tape:library=/srv/vtl,volumes=VOL001+VOL002 (a virtual library), tape:driver=st,device=/dev/nst0,"
                    + " or target:NAME of a configured tape target", null);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String kv : text.substring("tape:".length()).split(",")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw TargetException.permanentFailure("tape location '" + location + "': '" + kv + "' is not key=value"
                        + " (write tape:key=value,key=value)", null);
            }
            String key = kv.substring(0, eq).trim();
            if (factory.settings().stream().noneMatch(d -> d.key().equals(key))) {
                throw TargetException.permanentFailure("tape location '" + location + "': unknown setting '" + key
                        + "'; the tape settings are " + factory.settings().stream().map(d -> d.key()).toList(), null);
            }
            settings.put(key, kv.substring(eq + 1).trim());
        }
        return TargetSettings.of(settings);
    }

    static String size(long bytes) {
        if (bytes < 0) {
            return "-";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
