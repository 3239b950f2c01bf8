package io.backbench.backup.internal.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.internal.backup.FileOpener;
import io.backbench.repository.api.ExtendedAttribute;

/**
 * A file's extended attributes read through the descriptor the backup has open give what the JDK's
 * attribute view gives (the reference): the {@code user.} ones, sorted, values byte for byte; none
 * from another namespace. The build runs tests with the product's {@code --add-opens}.
 */
class OpenFileXattrsTest {
    @TempDir
    Path tmp;

    private static List<ExtendedAttribute> viaDescriptor(Path p) throws Exception {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            return OpenFileXattrs.read(ch, p);
        }
    }

    /** The reference: the JDK's public attribute view (which opens the path itself). */
    private static List<ExtendedAttribute> viaView(Path p) throws Exception {
        UserDefinedFileAttributeView v = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
        List<ExtendedAttribute> out = new java.util.ArrayList<>();
        for (String n : v.list()) {
            ByteBuffer b = ByteBuffer.allocate(v.size(n));
            v.read(n, b);
            out.add(new ExtendedAttribute("user." + n, java.util.Arrays.copyOf(b.array(), b.position())));
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    private static void assertSame(List<ExtendedAttribute> want, List<ExtendedAttribute> got) {
        assertEquals(want.size(), got.size(), got.toString());
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i).name(), got.get(i).name());
            assertArrayEquals(want.get(i).value(), got.get(i).value(), want.get(i).name());
        }
    }

    @Test
    void givesWhatTheAttributeViewGives() throws Exception {
        assertTrue(OpenFileXattrs.available(), "tests run with the product's --add-opens: " + OpenFileXattrs.unavailableReason());
        Random rnd = new Random(5);
        Path none = Files.write(tmp.resolve("none"), new byte[10]);
        Path some = Files.write(tmp.resolve("some"), new byte[10]);
        UserDefinedFileAttributeView v = Files.getFileAttributeView(some, UserDefinedFileAttributeView.class);
        byte[] large = new byte[3000];
        rnd.nextBytes(large);
        v.write("zeta", ByteBuffer.wrap("last".getBytes()));
        v.write("empty", ByteBuffer.wrap(new byte[0]));
        v.write("large", ByteBuffer.wrap(large));
        v.write("n\u00e4me with spaces", ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff}));
        // another namespace (root may write trusted.*): not backed up, as the view does not list it
        Process p = new ProcessBuilder("setfattr", "-n", "trusted.backbench", "-v", "hidden", some.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "setfattr (package attr; tests run as root): " + out);

        assertEquals(List.of(), viaDescriptor(none));
        assertSame(viaView(none), viaDescriptor(none));
        List<ExtendedAttribute> got = viaDescriptor(some);
        assertSame(viaView(some), got);
        assertSame(viaView(some), OpenFileXattrs.read(some));
        assertEquals(List.of("user.empty", "user.large", "user.n\u00e4me with spaces", "user.zeta"),
                got.stream().map(ExtendedAttribute::name).toList());
        assertArrayEquals(large, got.get(1).value());
        // and through the engine's seam, which reads them from the open channel
        try (FileChannel ch = FileOpener.DEFAULT.open(some)) {
            assertSame(got, FileOpener.DEFAULT.xattrs(some, ch));
        }
        assertSame(got, FileOpener.DEFAULT.xattrs(some));
    }

    @Test
    void aFoldersComeThroughItsPathAndANamedPipeInItsPlaceIsNoWait() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        Files.getFileAttributeView(dir, UserDefinedFileAttributeView.class).write("on.a.folder", ByteBuffer.wrap(new byte[] {7}));
        assertSame(viaView(dir), OpenFileXattrs.read(dir));
        assertSame(viaView(dir), FileOpener.DEFAULT.xattrs(dir));
        assertEquals(1, OpenFileXattrs.read(dir).size());
        // a folder replaced by a named pipe since the walk listed it: the JDK's view would wait for a writer
        Path fifo = tmp.resolve("was a folder");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        try {
            assertEquals(List.of(), org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> FileOpener.DEFAULT.xattrs(fifo)));
        } catch (AssertionError waited) {
            new ProcessBuilder("timeout", "5", "sh", "-c", ": > \"$1\"", "_", fifo.toString()).start().waitFor();
            throw waited;
        }
    }
}
