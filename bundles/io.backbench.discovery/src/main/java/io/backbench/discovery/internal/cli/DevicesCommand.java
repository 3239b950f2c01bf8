package io.backbench.discovery.internal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;
import io.backbench.device.api.Device;
import io.backbench.device.api.DeviceProvider;
import io.backbench.discovery.api.ImageSources;

/**
 * {@code backbench devices [--json] [--image FILE]...}: every device that every provider reports.
 * Needs the CLI bundle (optional import): without it SCR cannot load this class and only this
 * component stays unsatisfied.
 */
@Component(service = Command.class, property = Command.NAME_PROPERTY + "=devices")
public final class DevicesCommand implements Command {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<DeviceProvider> providers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ImageSources images;

    public DevicesCommand() {
    }

    /** For tests: fixed providers and image sources. */
    DevicesCommand(List<DeviceProvider> providers, ImageSources images) {
        this.providers = List.copyOf(providers);
        this.images = images;
    }

    @Override
    public String name() {
        return "devices";
    }

    @Override
    public String summary() {
        return "List disks, partitions, filesystems, tape drives and image files";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench devices [--json] [--image FILE]...

                Lists the block devices, their partitions and filesystems (type, label, UUID), mount
                points and tape drives of this machine, as Backbench reads them itself from sysfs and
                from the devices (read only; no udev needed).

                  --image FILE  also read the raw disk image FILE as a source (repeatable)
                  --json        print every field as JSON""";
    }

    @Override
    public boolean supportsJson() {
        return true;
    }

    @Override
    public int run(List<String> args, CommandContext ctx) {
        List<Path> added = new ArrayList<>();
        ImageSources sources = images; // one service for the whole run, even if it is replaced meanwhile
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.equals("--image")) {
                return ctx.usageError("unknown argument '" + a + "' for 'devices'");
            }
            if (i + 1 >= args.size()) {
                return ctx.usageError("--image needs a FILE");
            }
            if (sources == null) {
                return ctx.failure("cannot read image files: no image source service is running (is the bundle"
                        + " io.backbench.discovery active?)");
            }
            Path file = Path.of(args.get(++i));
            try {
                if (sources.addImageFile(file)) {
                    added.add(file);
                }
            } catch (IllegalArgumentException e) {
                return ctx.failure(e.getMessage());
            }
        }
        try {
            return list(ctx);
        } finally {
            for (Path file : added) {
                sources.removeImageFile(file);
            }
        }
    }

    private int list(CommandContext ctx) {
        List<DeviceProvider> all = providers == null ? List.of() : List.copyOf(providers);
        if (all.isEmpty()) {
            return ctx.failure("no device provider is installed; the bundle io.backbench.discovery provides one");
        }
        List<Object> json = new ArrayList<>();
        DeviceTable table = new DeviceTable();
        for (DeviceProvider p : all) {
            List<Device> devices;
            try {
                devices = p.devices();
            } catch (IOException e) {
                return ctx.failure(p.name() + ": " + e.getMessage());
            }
            for (Device d : devices) {
                json.add(toJson(p, d));
                table.add(d);
            }
        }
        if (ctx.json()) {
            ctx.out().println(JsonWriter.write(json));
        } else {
            table.print(ctx.out());
        }
        return 0;
    }

    private static Map<String, Object> toJson(DeviceProvider p, Device d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", d.id());
        o.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
        o.put("path", d.path());
        o.put("parent", d.parentId());
        o.put("size", d.size());
        o.put("logicalSectorSize", d.logicalSectorSize());
        o.put("physicalSectorSize", d.physicalSectorSize());
        o.put("vendor", d.vendor());
        o.put("model", d.model());
        o.put("serial", d.serial());
        o.put("rotational", d.rotational());
        o.put("removable", d.removable());
        o.put("readOnly", d.readOnly());
        if (d.filesystem() == null) {
            o.put("filesystem", null);
        } else {
            Map<String, Object> fs = new LinkedHashMap<>();
            fs.put("type", d.filesystem().type());
            fs.put("label", d.filesystem().label());
            fs.put("uuid", d.filesystem().uuid());
            o.put("filesystem", fs);
        }
        o.put("mountPoints", d.mountPoints());
        o.put("partitionTableType", d.partitionTableType());
        if (d.isPartition()) {
            o.put("partitionNumber", d.partitionNumber());
            o.put("partitionStart", d.partitionStart());
            o.put("partitionType", d.partitionType());
            o.put("partitionName", d.partitionName());
        }
        o.put("attributes", new java.util.TreeMap<>(d.attributes()));
        o.put("provider", p.name());
        return o;
    }
}
