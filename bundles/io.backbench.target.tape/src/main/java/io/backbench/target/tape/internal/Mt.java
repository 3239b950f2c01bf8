package io.backbench.target.tape.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The st driver's tape operations through the {@code mt} program of mt-st ({@code mt -f DEV op [count]}),
 * which issues the MTIOCTOP and MTIOCGET ioctls. A drive may take minutes to wind, hence the long timeout.
 */
class Mt {
    /** What {@code mt status} says: position, block size and the general status bits (BOT, EOF, EOD, ONLINE, ...). */
    record Status(int file, long block, int blockSize, Set<String> flags) {
        boolean endOfData() {
            return flags.contains("EOD") || flags.contains("EOT");
        }
    }

    private static final Pattern POSITION = Pattern.compile("File number=(-?\\d+), block number=(-?\\d+)");
    private static final Pattern BLOCK_SIZE = Pattern.compile("Tape block size (\\d+) bytes");
    private final Path device;

    Mt(Path device) {
        this.device = device;
    }

    /** The command line for one operation, e.g. {@code [mt, -f, /dev/nst0, fsf, 3]}. */
    List<String> command(String op, long... count) {
        List<String> cmd = new ArrayList<>(List.of("mt", "-f", device.toString(), op));
        for (long c : count) {
            cmd.add(Long.toString(c));
        }
        return cmd;
    }

    String run(String op, long... count) throws IOException {
        List<String> cmd = command(op, count);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run " + String.join(" ", cmd) + " (" + e.getMessage()
                    + "); install the mt-st package for tape drives", e);
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(4, TimeUnit.HOURS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " did not finish in 4 hours");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "): " + out.strip());
            }
            return out;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", cmd), e);
        }
    }

    Status status() throws IOException {
        return parseStatus(run("status"));
    }

    /** Parses the output of mt-st's {@code status}. */
    static Status parseStatus(String out) throws IOException {
        Matcher pos = POSITION.matcher(out);
        if (!pos.find()) {
            throw new IOException("cannot read the position from mt status: " + out.strip());
        }
        Matcher bs = BLOCK_SIZE.matcher(out);
        int blockSize = bs.find() ? Integer.parseInt(bs.group(1)) : 0;
        Set<String> flags = new TreeSet<>();
        int bits = out.indexOf("General status bits on");
        if (bits >= 0) {
            int lineEnd = out.indexOf('\n', bits);
            String rest = lineEnd < 0 ? "" : out.substring(lineEnd + 1);
            for (String f : rest.strip().split("\\s+")) {
                if (!f.isEmpty()) {
                    flags.add(f);
                }
            }
        }
        return new Status(Integer.parseInt(pos.group(1)), Long.parseLong(pos.group(2)), blockSize, flags);
    }
}
