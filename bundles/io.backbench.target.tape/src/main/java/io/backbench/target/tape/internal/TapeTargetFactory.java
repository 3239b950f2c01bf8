package io.backbench.target.tape.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.SettingDescriptor.Type;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.tape.api.VolumeOperator;

/** The {@code tape} target type: SCSI tape drives through the st driver, or a virtual tape library in a folder. */
@Component(service = TargetFactory.class, property = TargetFactory.TYPE_PROPERTY + "=tape")
public class TapeTargetFactory implements TargetFactory {
    static final String DRIVER = "driver";
    static final String DEVICE = "device";
    static final String LIBRARY = "library";
    static final String VOLUMES = "volumes";
    static final String CAPACITY = "capacity_mib";
    static final String EARLY_WARNING = "early_warning_mib";
    static final String BLOCK_SIZE = "block_size_kib";
    static final String NAME = "name";
    static final String CATALOG = "catalog";
    static final String OPERATOR_TIMEOUT = "operator_timeout_s";
    static final String SYNC = "sync";

    // set by DS on its threads, read on job threads
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<VolumeOperator> operators = new CopyOnWriteArrayList<>();

    private final Path home;

    @Activate
    public TapeTargetFactory(BundleContext context) {
        this(DataHome.resolve(context.getProperty("backbench.home")));
    }

    /** Outside a framework (tests): catalogs go below {@code home}/cache/tape unless a target sets its own. */
    TapeTargetFactory(Path home) {
        this.home = home;
    }

    @Override
    public String type() {
        return "tape";
    }

    @Override
    public String displayName() {
        return "Tape (LTO)";
    }

    @Override
    public String description() {
        return "Stores the repository on tape cartridges: a SCSI tape drive (/dev/nst0) or a virtual tape library in a"
                + " folder. Each tape file is a pax archive that GNU tar can list and extract; a catalog in the data folder"
                + " positions reads directly and is rebuilt from the tapes when lost.";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(
                new SettingDescriptor(DRIVER, "Drive", "'st' for a SCSI tape drive through the Linux st driver (needs the"
                        + " mt program, package mt-st), 'virtual' for a tape library emulated in a folder.",
                        Type.CHOICE, false, "virtual", List.of("virtual", "st")),
                SettingDescriptor.optional(DEVICE, "Tape device", Type.PATH, null,
                        "The non-rewinding device of the drive, e.g. /dev/nst0 (driver 'st')."),
                SettingDescriptor.optional(LIBRARY, "Virtual library folder", Type.PATH, null,
                        "The folder of the virtual library, a sub-folder per cartridge, e.g. /srv/vtl (driver 'virtual')."),
                SettingDescriptor.optional(VOLUMES, "Magazine", Type.STRING, "VOL001",
                        "The cartridges the virtual library loads by itself, in order, e.g. VOL001,VOL002 (in a repository"
                                + " location, where commas separate settings: VOL001+VOL002). When the last is full, the"
                                + " operator is asked for a blank one."),
                SettingDescriptor.optional(CAPACITY, "Cartridge capacity (MiB)", Type.INTEGER, "2500000",
                        "The size of each virtual cartridge in MiB (LTO-6: 2500000)."),
                SettingDescriptor.optional(EARLY_WARNING, "Early warning (MiB)", Type.INTEGER, null,
                        "How far before the end of a virtual cartridge the drive warns, so the current tape file can"
                                + " be finished; default a twentieth of the capacity, at most 256 MiB."),
                SettingDescriptor.optional(BLOCK_SIZE, "Block size (KiB)", Type.INTEGER, "256",
                        "The fixed block size written on new volumes, 64 to 1024 KiB; recorded on each volume's label."),
                SettingDescriptor.optional(NAME, "Library name", Type.STRING, null,
                        "The name written on every volume label; cartridges of other libraries are never written to."
                                + " Default: the library folder's name, or the device name."),
                SettingDescriptor.optional(CATALOG, "Catalog folder", Type.PATH, null,
                        "Where the catalog (object to volume, file and block) is kept; default"
                                + " <data folder>/cache/tape/<library name>. It is rebuilt from the volumes when missing."),
                SettingDescriptor.optional(OPERATOR_TIMEOUT, "Operator timeout (s)", Type.INTEGER, "3600",
                        "How long to wait for an operator to load a volume before the job fails."),
                SettingDescriptor.optional(SYNC, "Flush every tape file", Type.BOOLEAN, "true",
                        "Virtual drive: wait until each tape file is on disk at its filemark, as a drive flushes its buffer."));
    }

    @Override
    public StorageTarget open(TargetSettings settings) throws TargetException {
        TapeLibrary l = library(settings);
        return TapeTarget.open(l.drive(), l.catalog(), l.name(), l.blockSize(), this::operator, l.operatorTimeout());
    }

    /** The drive, catalog folder and library name that {@code settings} describe; the drive is not touched yet. */
    TapeLibrary library(TargetSettings settings) throws TargetException {
        String driver = settings.get(DRIVER).orElse("virtual").trim();
        long blockKib = settings.getLong(BLOCK_SIZE, 256);
        if (blockKib < 64 || blockKib > 1024) {
            throw TargetException.permanentFailure("setting '" + BLOCK_SIZE + "' must be between 64 and 1024 (KiB), not "
                    + blockKib, null);
        }
        int blockSize = (int) blockKib * 1024;
        Duration timeout = Duration.ofSeconds(settings.getLong(OPERATOR_TIMEOUT, 3600));
        TapeDrive drive;
        String defaultName;
        long capacityBytes = 0;
        Path folder = null;
        switch (driver) {
            case "virtual" -> {
                Path library = absolute(settings, LIBRARY);
                long capacity = settings.getLong(CAPACITY, 2_500_000) << 20;
                if (capacity <= 0) {
                    throw TargetException.permanentFailure("setting '" + CAPACITY + "' must be at least 1 (MiB)", null);
                }
                long early = settings.get(EARLY_WARNING).isPresent() ? settings.getLong(EARLY_WARNING, 0) << 20 : Math.min(capacity / 20, 256L << 20);
                drive = new VirtualDrive(library, capacity, early, magazine(settings), settings.getBoolean(SYNC, true));
                defaultName = library.getFileName() == null ? "virtual" : library.getFileName().toString();
                capacityBytes = capacity;
                folder = library;
            }
            case "st" -> {
                Path device = absolute(settings, DEVICE);
                drive = new StDrive(device, new Mt(device));
                defaultName = device.getFileName().toString();
            }
            default -> throw TargetException.permanentFailure("setting '" + DRIVER + "' must be 'virtual' or 'st', not '"
                    + driver + "'", null);
        }
        String name = settings.get(NAME).orElse(defaultName).trim();
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw TargetException.permanentFailure("setting '" + NAME + "' must be 1 to 64 letters, digits, '.', '-' or '_',"
                    + " not '" + name + "'", null);
        }
        Path catalog = settings.get(CATALOG).isPresent() ? absolute(settings, CATALOG) : home.resolve("cache/tape").resolve(name);
        return new TapeLibrary(drive, catalog, name, blockSize, timeout, capacityBytes, folder);
    }

    /** The highest-ranked operator: DS keeps a field collection in ServiceReference order, lowest ranking first. */
    private Optional<VolumeOperator> operator() {
        List<VolumeOperator> now = new ArrayList<>(operators);
        return now.isEmpty() ? Optional.empty() : Optional.of(now.get(now.size() - 1));
    }

    private static List<String> magazine(TargetSettings settings) throws TargetException {
        List<String> labels = Arrays.stream(settings.get(VOLUMES).orElse("VOL001").split("[,+\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String l : labels) {
            try {
                Volumes.checkLabel(l);
            } catch (IllegalArgumentException e) {
                throw TargetException.permanentFailure("setting '" + VOLUMES + "': " + e.getMessage(), e);
            }
        }
        if (labels.size() != labels.stream().distinct().count()) {
            throw TargetException.permanentFailure("setting '" + VOLUMES + "' names a cartridge twice: " + labels, null);
        }
        return labels;
    }

    private static Path absolute(TargetSettings settings, String key) throws TargetException {
        Path p = settings.requirePath(key);
        if (!p.isAbsolute()) {
            throw TargetException.permanentFailure("setting '" + key + "' must be an absolute path, not '" + p + "'", null);
        }
        return p.normalize();
    }
}
