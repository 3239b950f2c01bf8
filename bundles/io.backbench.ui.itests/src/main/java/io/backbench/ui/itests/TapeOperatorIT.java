package io.backbench.ui.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.backbench.cli.api.CommandLine;
import io.backbench.ui.testing.Osgi;
import io.backbench.ui.testing.Ui;
import io.backbench.ui.testing.WorkbenchDriver;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench as the tape operator: a backup job (through the real job runner) to a virtual tape
 * library whose magazine holds one small cartridge fills it, the workbench asks for the next one
 * in a modal dialog with a status-line message and a notification, and the test answers as an
 * operator would.
 */
class TapeOperatorIT {
    private static final String DIALOG = "tape-volume";
    private static final String LABEL_FIELD = "backbench.tape.label";

    @TempDir
    Path temp;

    record Run(int exit, String out, String err) {
        String all() {
            return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    /** The jobs this test added (names made unique: the catalog outlives a test). */
    private final List<String> jobs = new java.util.ArrayList<>();

    @AfterEach
    void leaveNoDialogOrJobBehind() {
        WorkbenchDriver.closeDialogs();
        jobs.forEach(name -> cli("jobs", "remove", name));
    }

    @Test
    void aBackupJobThatFillsTheOnlyCartridgeGoesOnOnTheBlankOneTheOperatorLoadsAndRestoresIdentically() throws Exception {
        Path library = temp.resolve("vtl");
        Path source = source(temp.resolve("src"), 24 << 20);
        String location = location(library);
        CompletableFuture<Run> job = startBackupJob("tape-spans", location, source);

        Shell dialog = Ui.dialog(DIALOG);
        String text = Ui.call(() -> WorkbenchDriver.labels(dialog));
        assertTrue(text.contains("Volume VOL001 is full; the backup goes on on a blank volume."), text);
        assertTrue(text.contains("Load a blank cartridge into the virtual library '" + library + "'"), text);
        assertTrue(text.matches("(?s).*Time left before the job gives up: (4 min|5 min 00 s).*"), text);
        Text label = Ui.call(() -> (Text) Ui.find(dialog, Ui.data(LABEL_FIELD, Boolean.TRUE)).get(0));
        assertEquals("VOL002", Ui.call(label::getText), "the label after the full volume's is proposed");
        String window = Ui.call(() -> WorkbenchDriver.labels(Ui.workbench()));
        assertTrue(window.contains("Tape: Volume VOL001 is full; the backup goes on on a blank volume. Load a blank cartridge into"
                + " the virtual library '" + library + "'. A job is waiting."), "status line:\n" + window);
        assertTrue(notification().contains("A tape job is waiting"), notification());
        Ui.screenshot(Ui.workbench(), "tape-operator-dialog");

        // the operator puts a new cartridge into the library and names it
        Files.createDirectories(library.resolve("NEXT01"));
        Ui.run(() -> label.setText("NEXT01"));
        WorkbenchDriver.press(dialog, "Continue");

        Run run = await(job);
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().contains("succeeded"), run.all());
        assertTrue(tapeFiles(library.resolve("NEXT01")) > 1, "the backup went on on NEXT01");
        assertEquals("", notification(), "the notification closes with the answer");
        String after = Ui.call(() -> WorkbenchDriver.labels(Ui.workbench()));
        assertTrue(after.contains("Tape: volume NEXT01 loaded into the virtual library '" + library + "'; the job goes on."), after);

        Path restored = temp.resolve("restored");
        Run restore = cli("restore", "latest", "--target", restored.toString(), "-r", location, "--password-file",
                password().toString());
        assertEquals(0, restore.exit(), restore.all());
        assertEquals(tree(source), tree(restored.resolve(source.getRoot().relativize(source))));

        Run volumes = cli("tape", "volumes", location, "--json");
        assertEquals(0, volumes.exit(), volumes.all());
        assertTrue(volumes.out().contains("{\"cartridge\":\"NEXT01\",\"state\":\"open\",\"label\":\"NEXT01\",\"sequence\":2,"),
                volumes.all());
        assertTrue(volumes.out().contains("{\"cartridge\":\"VOL001\",\"state\":\"full\",\"label\":\"VOL001\",\"sequence\":1,"),
                volumes.all());
    }

    @Test
    void cancellingTheQuestionFailsTheJobCleanlyWithTheMessageAndLeavesTheFullCartridgeAsItWas() throws Exception {
        Path library = temp.resolve("vtl");
        Path source = source(temp.resolve("src"), 24 << 20);
        CompletableFuture<Run> job = startBackupJob("tape-cancelled", location(library), source);

        Shell dialog = Ui.dialog(DIALOG);
        Map<String, String> full = tree(library.resolve("VOL001"));
        WorkbenchDriver.press(dialog, "Cancel");

        Run run = await(job);
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.err().contains("volume VOL001 is full; load a blank volume (or add one to the magazine) and run the job"
                + " again"), run.all());
        try (Stream<Path> s = Files.list(library)) {
            assertEquals(List.of("VOL001"), s.map(p -> p.getFileName().toString()).toList(), "no other cartridge was made");
        }
        assertTrue(tapeFiles(library.resolve("VOL001")) > 1);
        assertEquals(full, tree(library.resolve("VOL001")), "the full cartridge is as it was when the operator was asked");
        assertEquals("", notification());
        assertFalse(Ui.call(() -> Ui.findDialog(DIALOG).isPresent()), "the job asked no more after the Cancel");
    }

    /**
     * A repository on a fresh virtual library of one 20 MiB cartridge (19 MiB before the early
     * warning; a job writes packs of up to about 16 MiB, so 24 MiB of data need a second cartridge,
     * and fit on two); the job runs on a thread of its own.
     */
    private CompletableFuture<Run> startBackupJob(String prefix, String location, Path source) throws IOException {
        String name = prefix + "-" + Long.toHexString(System.nanoTime());
        jobs.add(name);
        Run init = cli("repo", "init", "-r", location, "--password-file", password().toString());
        assertEquals(0, init.exit(), init.all());
        Run add = cli("jobs", "add", name, "--kind", "backup", "--repo", location, "--source", source.toString(),
                "--password-file", password().toString());
        assertEquals(0, add.exit(), add.all());
        return CompletableFuture.supplyAsync(() -> cli("jobs", "run", name));
    }

    /** The job's outcome; on a time-out, what the workbench shows and what the job threads do say why. */
    private static Run await(CompletableFuture<Run> job) throws Exception {
        try {
            return job.get(3, TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException e) {
            Ui.screenshot(Ui.workbench(), "tape-job-timed-out");
            StringBuilder threads = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, stack) -> {
                threads.append('\n').append(t.getName()).append(':');
                for (StackTraceElement el : stack) {
                    threads.append("\n    ").append(el);
                }
            });
            throw new AssertionError("the job did not end within 3 minutes; dialogs: "
                    + Ui.call(() -> Ui.findDialog(DIALOG).map(WorkbenchDriver::labels).orElse("none")) + "\nthreads:"
                    + threads, e);
        }
    }

    private String location(Path library) {
        return "tape:library=" + library + ",catalog=" + temp.resolve("catalog") + ",volumes=VOL001,capacity_mib=20"
                + ",block_size_kib=64,sync=false,operator_timeout_s=300";
    }

    private Path password() throws IOException {
        Path p = temp.resolve("password");
        if (!Files.exists(p)) {
            Files.writeString(p, "correct horse battery staple\n");
        }
        return p;
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Osgi.service(CommandLine.class).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The texts of the tape notifications shown now (not the monitor's alerts), or "" when there is none. */
    private static String notification() {
        return Ui.call(() -> {
            StringBuilder b = new StringBuilder();
            for (Shell s : Ui.workbench().getShells()) {
                if (!s.isDisposed() && Boolean.TRUE.equals(s.getData("backbench.notification"))
                        && Boolean.TRUE.equals(s.getData(DIALOG)) && s.isVisible()) {
                    b.append(WorkbenchDriver.labels(s));
                }
            }
            return b.toString();
        });
    }

    private static long tapeFiles(Path cartridge) throws IOException {
        try (Stream<Path> s = Files.list(cartridge)) {
            return s.filter(p -> p.getFileName().toString().matches("file-\\d{5}\\.tar")).count();
        }
    }

    /** Incompressible files of 100-700 KB in three folders. */
    private static Path source(Path src, int bytes) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        int left = bytes;
        for (int i = 0; left > 0; i++) {
            byte[] data = new byte[Math.min(left, 100_000 + random.nextInt(600_000))];
            random.nextBytes(data);
            Files.write(Files.createDirectories(src.resolve("d" + i % 3)).resolve("f" + i), data);
            left -= data.length;
        }
        return src;
    }

    private static Map<String, String> tree(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                out.put(root.relativize(p).toString(), Files.isRegularFile(p)
                        ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))) : "dir");
            }
        }
        return out;
    }
}
