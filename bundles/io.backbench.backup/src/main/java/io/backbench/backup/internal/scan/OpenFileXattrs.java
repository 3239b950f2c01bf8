package io.backbench.backup.internal.scan;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.backbench.repository.api.ExtendedAttribute;

/**
 * The {@code user.} extended attributes of a file the backup has open, read through its descriptor
 * ({@code flistxattr}, {@code fgetxattr}). The JDK's attribute view opens the file once more for
 * them: a full backup of the bench corpus opened and closed its 52 000 files twice, and the second
 * open, the list and the close cost the readers about 5% of their time. Reaching the descriptor and
 * the two calls takes the JDK's internals ({@code sun.nio.ch} and {@code sun.nio.fs}, opened by
 * {@code bin/backbench} as for {@link FsEntry} and {@link RawNames}); without them {@link #read}
 * gives null and the caller asks the view. Thread-safe.
 */
public final class OpenFileXattrs {
    /** The most a list of names or a value can take on Linux (XATTR_LIST_MAX, XATTR_SIZE_MAX). */
    private static final int MAX = 64 << 10;
    private static final int ERANGE = 34;
    private static final int ENODATA = 61;
    private static final int ENOTSUP = 95;
    private static final byte[] USER = "user.".getBytes(StandardCharsets.US_ASCII);

    private static final Class<?> CHANNEL_CLASS;
    private static final VarHandle CHANNEL_FD;
    private static final MethodHandle FD_VAL;
    private static final MethodHandle ADDRESS;
    private static final MethodHandle LIST;
    private static final MethodHandle GET;
    private static final Class<?> UNIX_EXCEPTION;
    private static final MethodHandle ERRNO;
    private static final String UNAVAILABLE;
    private static final Charset NAMES = names();
    /** Per thread: a direct buffer for the list and the values, and its address. */
    private static final ThreadLocal<Native> BUFFERS = ThreadLocal.withInitial(Native::new);

    static {
        Class<?> channelClass = null;
        VarHandle channelFd = null;
        MethodHandle fdVal = null;
        MethodHandle address = null;
        MethodHandle list = null;
        MethodHandle get = null;
        Class<?> unixException = null;
        MethodHandle errno = null;
        String why = null;
        try {
            // (the classes from the boot loader: the bundle wires to no JDK-internal package)
            channelClass = Class.forName("sun.nio.ch.FileChannelImpl", false, null);
            MethodHandles.Lookup ch = MethodHandles.privateLookupIn(channelClass, MethodHandles.lookup());
            channelFd = ch.findVarHandle(channelClass, "fd", FileDescriptor.class);
            Class<?> ioUtil = Class.forName("sun.nio.ch.IOUtil", false, null);
            fdVal = MethodHandles.privateLookupIn(ioUtil, MethodHandles.lookup())
                    .findStatic(ioUtil, "fdVal", MethodType.methodType(int.class, FileDescriptor.class));
            Class<?> directBuffer = Class.forName("sun.nio.ch.DirectBuffer", false, null);
            address = MethodHandles.privateLookupIn(directBuffer, MethodHandles.lookup())
                    .findVirtual(directBuffer, "address", MethodType.methodType(long.class))
                    .asType(MethodType.methodType(long.class, ByteBuffer.class));
            Class<?> dispatcher = Class.forName("sun.nio.fs.UnixNativeDispatcher", false, null);
            MethodHandles.Lookup fs = MethodHandles.privateLookupIn(dispatcher, MethodHandles.lookup());
            list = fs.findStatic(dispatcher, "flistxattr", MethodType.methodType(int.class, int.class, long.class, int.class));
            get = fs.findStatic(dispatcher, "fgetxattr",
                    MethodType.methodType(int.class, int.class, byte[].class, long.class, int.class));
            unixException = Class.forName("sun.nio.fs.UnixException", false, null);
            errno = MethodHandles.privateLookupIn(unixException, MethodHandles.lookup())
                    .findVirtual(unixException, "errno", MethodType.methodType(int.class))
                    .asType(MethodType.methodType(int.class, Throwable.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            why = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        UNAVAILABLE = why;
        CHANNEL_CLASS = why == null ? channelClass : null;
        CHANNEL_FD = channelFd;
        FD_VAL = fdVal;
        ADDRESS = address;
        LIST = list;
        GET = get;
        UNIX_EXCEPTION = unixException;
        ERRNO = errno;
    }

    private OpenFileXattrs() {
    }

    /** Whether {@link #read} reads through descriptors in this JVM. */
    public static boolean available() {
        return UNAVAILABLE == null;
    }

    /** Why it cannot (null when {@link #available()}). */
    static String unavailableReason() {
        return UNAVAILABLE;
    }

    /**
     * The {@code user.} attributes of the open file {@code ch} ({@code path}, for messages), sorted by
     * name, as the JDK's view gives them; empty where the file system has none. Null if they cannot be
     * read through the descriptor here ({@code ch} is not the JDK's file channel, or the internals are
     * closed): then ask the view.
     */
    public static List<ExtendedAttribute> read(FileChannel ch, Path path) throws IOException {
        if (CHANNEL_CLASS == null || ch.getClass() != CHANNEL_CLASS) {
            return null;
        }
        int fd;
        try {
            fd = (int) FD_VAL.invokeExact((FileDescriptor) CHANNEL_FD.get(ch));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw failure(t, path);
        }
        return read(fd, path);
    }

    /**
     * As {@link #read(FileChannel, Path)} for a path (a folder's), opened without following a symlink
     * and without waiting ({@link RegularFiles#openDescriptor}): a folder replaced by a named pipe
     * since the walk saw it is not a wait for a writer. Null where that cannot be done here.
     */
    public static List<ExtendedAttribute> read(Path path) throws IOException {
        if (CHANNEL_CLASS == null || !RegularFiles.available() || path.getFileSystem() != FileSystems.getDefault()) {
            return null;
        }
        int fd = RegularFiles.openDescriptor(path);
        try {
            return read(fd, path);
        } finally {
            RegularFiles.closeDescriptor(fd);
        }
    }

    private static List<ExtendedAttribute> read(int fd, Path path) throws IOException {
        Native buf = BUFFERS.get();
        try {
            int n;
            try {
                n = (int) LIST.invokeExact(fd, buf.address, MAX);
            } catch (Throwable t) {
                if (errno(t) == ENOTSUP) {
                    return List.of();
                }
                throw t;
            }
            if (n == 0) {
                return List.of();
            }
            byte[] names = new byte[n];
            buf.buffer.get(0, names);
            List<ExtendedAttribute> out = new ArrayList<>();
            for (int start = 0; start < n;) {
                int end = start;
                while (end < n && names[end] != 0) {
                    end++;
                }
                if (end - start > USER.length && Arrays.equals(names, start, start + USER.length, USER, 0, USER.length)) {
                    byte[] name = Arrays.copyOfRange(names, start, end);
                    byte[] value = value(fd, name, buf);
                    if (value != null) {
                        out.add(new ExtendedAttribute(new String(name, NAMES), value));
                    }
                }
                start = end + 1;
            }
            out.sort((a, b) -> a.name().compareTo(b.name()));
            return out;
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw failure(t, path);
        }
    }

    /** The value of {@code name}, or null if it went since it was listed. */
    private static byte[] value(int fd, byte[] name, Native buf) throws Throwable {
        int n;
        try {
            n = (int) GET.invokeExact(fd, name, buf.address, MAX);
        } catch (Throwable t) {
            if (errno(t) == ENODATA) {
                return null;
            }
            throw t;
        }
        byte[] value = new byte[n];
        buf.buffer.get(0, value);
        return value;
    }

    private static int errno(Throwable t) {
        if (UNIX_EXCEPTION.isInstance(t)) {
            try {
                return (int) ERRNO.invokeExact(t);
            } catch (Throwable e) {
                return -1;
            }
        }
        return -1;
    }

    private static IOException failure(Throwable t, Path path) {
        int errno = errno(t);
        String what = errno == ERANGE ? "a list or value longer than Linux allows" : t.getMessage();
        return new IOException(path + ": cannot read its extended attributes: " + what, t);
    }

    private static Charset names() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** A thread's direct buffer of {@link #MAX} bytes and its native address. */
    private static final class Native {
        final ByteBuffer buffer = ByteBuffer.allocateDirect(MAX);
        final long address;

        Native() {
            try {
                address = (long) ADDRESS.invokeExact(buffer);
            } catch (Throwable t) {
                throw new IllegalStateException("the address of a direct buffer", t);
            }
        }
    }
}
