package io.backbench.backup.internal.scan;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.FileSystems;
import java.nio.file.Path;

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
        return decode(bytes(file));
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
            return dir.resolve((Path) NEW_PATH.newInstance(dir.getFileSystem(), encode(name)));
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
            return !hasRawBytes(decode(b));
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

    /** UTF-8 as Go reads it; a byte that starts no valid sequence becomes U+DC00 + byte. */
    public static String decode(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int b0 = b[i] & 0xff;
            int n = b0 < 0x80 ? 1 : b0 >= 0xc2 && b0 <= 0xdf ? 2 : b0 >= 0xe0 && b0 <= 0xef ? 3 : b0 >= 0xf0 && b0 <= 0xf4 ? 4 : 0;
            if (n == 1) {
                sb.append((char) b0);
                i++;
            } else if (n == 0 || i + n > b.length || !validSequence(b, i, n)) {
                sb.append((char) (0xdc00 + b0));
                i++;
            } else {
                int cp = b0 & (0xff >> (n + 1));
                for (int k = 1; k < n; k++) {
                    cp = cp << 6 | (b[i + k] & 0x3f);
                }
                sb.appendCodePoint(cp);
                i += n;
            }
        }
        return sb.toString();
    }

    private static boolean validSequence(byte[] b, int i, int n) {
        int b0 = b[i] & 0xff;
        int b1 = b[i + 1] & 0xff;
        // the second byte's range rules out overlong forms, surrogates and code points above U+10FFFF
        int lo = b0 == 0xe0 ? 0xa0 : b0 == 0xf0 ? 0x90 : 0x80;
        int hi = b0 == 0xed ? 0x9f : b0 == 0xf4 ? 0x8f : 0xbf;
        if (b1 < lo || b1 > hi) {
            return false;
        }
        for (int k = 2; k < n; k++) {
            int c = b[i + k] & 0xff;
            if (c < 0x80 || c > 0xbf) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of a name in the repository's form. */
    public static byte[] encode(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + 8);
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0xdc80 && cp <= 0xdcff) {
                out.write(cp - 0xdc00);
            } else if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xc0 | cp >> 6);
                out.write(0x80 | cp & 0x3f);
            } else if (cp < 0x10000) {
                out.write(0xe0 | cp >> 12);
                out.write(0x80 | cp >> 6 & 0x3f);
                out.write(0x80 | cp & 0x3f);
            } else {
                out.write(0xf0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 0x3f);
                out.write(0x80 | cp >> 6 & 0x3f);
                out.write(0x80 | cp & 0x3f);
            }
        }
        return out.toByteArray();
    }
}
