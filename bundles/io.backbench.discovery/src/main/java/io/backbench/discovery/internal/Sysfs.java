package io.backbench.discovery.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads sysfs attribute files: one value, trailing newline and padding removed. */
final class Sysfs {
    private Sysfs() {
    }

    /** The attribute's text, or "" if it does not exist or cannot be read (many are optional). */
    static String text(Path dir, String attribute) {
        Path file = dir.resolve(attribute);
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The attribute as a number, or {@code fallback} if missing or not a number. */
    static long number(Path dir, String attribute, long fallback) {
        String s = text(dir, attribute);
        try {
            return s.isEmpty() ? fallback : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Whether the attribute reads "1". */
    static boolean flag(Path dir, String attribute) {
        return "1".equals(text(dir, attribute));
    }

    /**
     * A SCSI unit serial number from the binary VPD page 0x80 (byte 3 = length, text from byte 4), or
     * "" if absent.
     */
    static String vpdSerial(Path dir) {
        Path file = dir.resolve("vpd_pg80");
        try {
            if (!Files.isRegularFile(file)) {
                return "";
            }
            byte[] b = Files.readAllBytes(file);
            if (b.length < 4 || (b[1] & 0xff) != 0x80) {
                return "";
            }
            int len = Math.min(b[3] & 0xff, b.length - 4);
            return new String(b, 4, len, StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The file name a symbolic link such as {@code device} points to, or "" if it is not a link. */
    static String linkName(Path dir, String link) {
        Path p = dir.resolve(link);
        try {
            return Files.isSymbolicLink(p) ? Files.readSymbolicLink(p).getFileName().toString() : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
