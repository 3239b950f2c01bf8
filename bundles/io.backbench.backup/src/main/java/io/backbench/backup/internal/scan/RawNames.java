package io.backbench.backup.internal.scan;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.FileSystems;
import java.nio.file.Path;

import io.backbench.repository.api.NameBytes;

/**
 * File names as the bytes Linux stores, not as the JDK's strings. The JDK decodes a name with
 * {@code sun.jnu.encoding} (UTF-8 under bin/backbench): a byte that is not valid UTF-8 becomes U+FFFD
 * in {@link Path#toString()}, so {@code caf\xe9} and {@code caf\xe8} both read as "caf\ufffd" and
 * neither can be opened by that string. A {@link Path} that came from a directory listing keeps the
 * original bytes inside ({@code sun.nio.fs.UnixPath}); this class reads them and makes such paths,
 * which needs {@code --add-opens java.base/sun.nio.fs=ALL-UNNAMED} (bin/backbench passes it).
 *
 * <p>A name is carried in a Java string the way the repository's nodes carry it (and restic's Go
 * strings hold it): valid UTF-8 decoded, every other byte as the lone surrogate {@code U+DC00 + byte}.
 * Without the JVM option {@link #available()} is false: a name that is not valid UTF-8 cannot be
 * read or written byte-exactly, and callers report it instead of storing a wrong name. Thread-safe.
 */
public final class RawNames {
    private static final Method AS_BYTES;
    private static final Constructor<?> NEW_PATH;
    private static final String UNAVAILABLE;
    private static final boolean UTF8_JNU = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding", "UTF-8"));

    static {
        Method asBytes = null;
        Constructor<?> newPath = null;
        String why = null;
        try {
            Path sample = FileSystems.getDefault().getPath("/");
            asBytes = sample.getClass().getDeclaredMethod("asByteArray");
            asBytes.setAccessible(true);
            // UnixPath(UnixFileSystem, byte[]): the file system's class is a subclass (LinuxFileSystem)
            for (Constructor<?> c : sample.getClass().getDeclaredConstructors()) {
                Class<?>[] types = c.getParameterTypes();
                if (types.length == 2 && types[1] == byte[].class && types[0].isInstance(sample.getFileSystem())) {
                    newPath = c;
                }
            }
            if (newPath == null) {
                throw new NoSuchMethodException("UnixPath(UnixFileSystem, byte[])");
            }
            newPath.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            asBytes = null;
            newPath = null;
            why = "this Java runtime does not give file names as bytes (" + e.getClass().getSimpleName()
                    + "; start Java with --add-opens java.base/sun.nio.fs=ALL-UNNAMED, as bin/backbench does)";
        }
        AS_BYTES = asBytes;
        NEW_PATH = newPath;
        UNAVAILABLE = why;
    }

    private RawNames() {
    }

    /** Whether names that are not valid UTF-8 can be read and written byte-exactly in this JVM. */
    public static boolean available() {
        return UNAVAILABLE == null;
    }

    /** Why they cannot (null when {@link #available()}). */
    public static String unavailableReason() {
        return UNAVAILABLE;
    }

    /**
     * The last name of {@code p} (a path from a directory listing) in the repository's form, or null if
     * it is not valid UTF-8 and this JVM cannot read its bytes.
     */
    public static String name(Path p) {
        Path file = p.getFileName();
        if (AS_BYTES == null) {
            String s = file.toString();
            return s.indexOf('\ufffd') >= 0 ? null : s; // (a real U+FFFD in a name is refused too: cannot tell)
        }
        return NameBytes.decode(bytes(file));
    }

    /** {@code dir/name} with the exact bytes of {@code name}; throws if that cannot be made in this JVM. */
    public static Path resolve(Path dir, String name) {
        if (!hasRawBytes(name)) {
            return dir.resolve(name);
        }
        if (NEW_PATH == null) {
            throw new IllegalStateException("the name is not valid UTF-8 and " + UNAVAILABLE);
        }
        try {
            return dir.resolve((Path) NEW_PATH.newInstance(dir.getFileSystem(), NameBytes.encode(name)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a path of a name that is not valid UTF-8: " + e, e);
        }
    }

    /** Whether {@code p.toString()} names the same bytes as {@code p} (it can be passed to a command). */
    public static boolean exactString(Path p) {
        if (AS_BYTES == null) {
            return true; // no raw paths are made without it
        }
        byte[] b = bytes(p);
        if (UTF8_JNU) {
            return !hasRawBytes(NameBytes.decode(b));
        }
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether a name in the repository's form holds a byte that is not valid UTF-8. */
    public static boolean hasRawBytes(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0xdc80 && c <= 0xdcff && !(i > 0 && Character.isHighSurrogate(name.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(Path p) {
        try {
            return (byte[]) AS_BYTES.invoke(p);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the bytes of a file name: " + e, e);
        }
    }
}
