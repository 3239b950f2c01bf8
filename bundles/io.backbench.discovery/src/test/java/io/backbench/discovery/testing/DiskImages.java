package io.backbench.discovery.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Disk images made with the real tools: a partition table by sgdisk or sfdisk, filesystems by mkfs. */
public final class DiskImages {
    private DiskImages() {
    }

    /** What a test puts into one partition. */
    public record Part(String fs, String label, int mib, String gptType, String name) {
    }

    /** A GPT disk with ext4, FAT16, NTFS, swap and LUKS2 partitions (about 100 MiB, sparse). */
    public static Path gpt(Path dir) throws IOException {
        return gpt(dir, "gpt.img", List.of(new Part("ext4", "root fs", 24, "8300", "root"),
                new Part("vfat", "EFI", 16, "ef00", "EFI system"), new Part("ntfs", "Windows C", 16, "0700", "windows"),
                new Part("swap", "swap0", 8, "8200", "swap"), new Part("luks2", "vault", 24, "8309", "secret")));
    }

    public static Path gpt(Path dir, String name, List<Part> parts) throws IOException {
        int total = 2 + parts.stream().mapToInt(Part::mib).sum();
        Path disk = Tools.sparseFile(dir, name, (long) total << 20);
        List<String> cmd = new ArrayList<>(List.of("sgdisk"));
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            int n = i + 1;
            cmd.add("-n" + n + ":" + (i == 0 ? "2048" : "0") + ":+" + p.mib + "M");
            cmd.add("-t" + n + ":" + p.gptType);
            cmd.add("-c" + n + ":" + p.name);
        }
        cmd.add(disk.toString());
        Tools.run(cmd.toArray(String[]::new));
        long offset = 1 << 20;
        for (Part p : parts) {
            format(dir, p, disk, offset);
            offset += (long) p.mib << 20;
        }
        return disk;
    }

    /** A DOS disk: ext4 primary, then an extended partition with a FAT32 and an NTFS logical partition. */
    public static Path dos(Path dir) throws IOException {
        Path disk = Tools.sparseFile(dir, "dos.img", 160L << 20);
        Tools.runWithInput("label: dos\n,24M,83\n,,5\n,64M,c\n,,7\n", "sfdisk", "-q", disk.toString());
        String dump = Tools.run("sfdisk", "-d", disk.toString());
        List<long[]> starts = new ArrayList<>();
        for (String line : dump.split("\n")) {
            if (line.startsWith(disk.toString())) {
                long start = Long.parseLong(line.replaceAll(".*start=\\s*(\\d+).*", "$1"));
                long size = Long.parseLong(line.replaceAll(".*size=\\s*(\\d+).*", "$1"));
                starts.add(new long[] {start, size});
            }
        }
        // partitions 1, 5, 6 (2 is the extended container)
        format(dir, new Part("ext4", "dos root", (int) (starts.get(0)[1] >> 11), "", ""), disk, starts.get(0)[0] * 512);
        format(dir, new Part("vfat32", "LOGICAL1", (int) (starts.get(2)[1] >> 11), "", ""), disk, starts.get(2)[0] * 512);
        format(dir, new Part("ntfs", "logical two", (int) (starts.get(3)[1] >> 11), "", ""), disk, starts.get(3)[0] * 512);
        return disk;
    }

    private static void format(Path dir, Part p, Path disk, long offset) throws IOException {
        Path f = dir.resolve("part-" + offset + ".img");
        Files.deleteIfExists(f);
        Tools.sparseFile(dir, f.getFileName().toString(), (long) p.mib << 20);
        String file = f.toString();
        switch (p.fs) {
            case "ext4" -> Tools.run("mkfs.ext4", "-q", "-F", "-L", p.label, file);
            case "vfat" -> Tools.run("mkfs.vfat", "-n", p.label, file);
            case "vfat32" -> Tools.run("mkfs.vfat", "-F", "32", "-n", p.label, file);
            case "ntfs" -> Tools.run("mkntfs", "-F", "-Q", "-L", p.label, file);
            case "swap" -> Tools.run("mkswap", "-L", p.label, file);
            case "xfs" -> Tools.run("mkfs.xfs", "-q", "-L", p.label, file);
            case "luks2" -> Tools.runWithInput("not a real secret", "cryptsetup", "luksFormat", "-q", "--type", "luks2",
                    "--pbkdf", "pbkdf2", "--pbkdf-force-iterations", "1000", "--label", p.label, file, "-");
            case "none" -> {
            }
            default -> throw new IllegalArgumentException("no recipe for " + p.fs);
        }
        Tools.place(f, disk, offset);
        Files.delete(f);
    }
}
