package io.backbench.backup.internal.scan;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

import io.backbench.repository.api.NodeType;

/**
 * Opens for reading a file the walk saw as a regular file, without following a symlink and without
 * waiting. Between the walk's lstat and the read, the file may have been replaced; the JDK's
 * {@code FileChannel.open} of a named pipe (FIFO) waits in {@code open(2)} for a writer, so a backup
 * would hang on it. Here the file is opened with {@code O_NONBLOCK} (which changes nothing for a
 * regular file's reads) and {@code fstat} on the descriptor must say regular file, else the open is
 * an error naming the path (the backup warns and goes on). That takes the JDK's internals
 * ({@code sun.nio.fs} and {@code sun.nio.ch}, opened by {@code bin/backbench}); without them the
 * path's lstat is checked just before the JDK's open, which leaves a window. Thread-safe.
 */
public final class RegularFiles {
    private static final int O_RDONLY = 0;
    private static final int O_NONBLOCK = 04000;
    private static final int O_NOFOLLOW = 0400000;
    private static final Set<OpenOption> READ_NO_FOLLOW = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    private static final MethodHandle OPEN;
    private static final MethodHandle FSTAT;
    private static final MethodHandle CLOSE;
    private static final MethodHandle SET_FD;
    private static final MethodHandle CHANNEL;
    private static final String UNAVAILABLE;

    static {
        MethodHandle open = null;
        MethodHandle fstat = null;
        MethodHandle close = null;
        MethodHandle setFd = null;
        MethodHandle channel = null;
        String why = null;
        try {
            // (the classes by their instances or the boot loader: the bundle wires to no JDK-internal package)
            Class<?> unixPath = FileSystems.getDefault().getPath("/").getClass();
            Class<?> dispatcher = Class.forName("sun.nio.fs.UnixNativeDispatcher", false, null);
            MethodHandles.Lookup fs = MethodHandles.privateLookupIn(dispatcher, MethodHandles.lookup());
            open = fs.findStatic(dispatcher, "open", MethodType.methodType(int.class, unixPath, int.class, int.class))
                    .asType(MethodType.methodType(int.class, Path.class, int.class, int.class));
            close = fs.findStatic(dispatcher, "close", MethodType.methodType(void.class, int.class));
            Class<?> attrs = Class.forName("sun.nio.fs.UnixFileAttributes", false, null);
            fstat = MethodHandles.privateLookupIn(attrs, MethodHandles.lookup())
                    .findStatic(attrs, "get", MethodType.methodType(attrs, int.class))
                    .asType(MethodType.methodType(BasicFileAttributes.class, int.class));
            Class<?> ioUtil = Class.forName("sun.nio.ch.IOUtil", false, null);
            setFd = MethodHandles.privateLookupIn(ioUtil, MethodHandles.lookup())
                    .findStatic(ioUtil, "setfdVal", MethodType.methodType(void.class, FileDescriptor.class, int.class));
            Class<?> impl = Class.forName("sun.nio.ch.FileChannelImpl", false, null);
            channel = MethodHandles.privateLookupIn(impl, MethodHandles.lookup())
                    .findStatic(impl, "open", MethodType.methodType(FileChannel.class, FileDescriptor.class, String.class,
                            boolean.class, boolean.class, boolean.class, Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            why = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        UNAVAILABLE = why;
        OPEN = why == null ? open : null;
        FSTAT = fstat;
        CLOSE = close;
        SET_FD = setFd;
        CHANNEL = channel;
    }

    private RegularFiles() {
    }

    /** Whether {@link #open} opens without waiting in this JVM. */
    public static boolean available() {
        return UNAVAILABLE == null;
    }

    /** Why it cannot (null when {@link #available()}). */
    static String unavailableReason() {
        return UNAVAILABLE;
    }

    /**
     * A channel reading {@code file}, which must be a regular file (a symlink is not followed); an
     * {@link IOException} naming it if it is not one any more, or cannot be opened.
     */
    public static FileChannel open(Path file) throws IOException {
        if (OPEN == null || file.getFileSystem() != FileSystems.getDefault()) {
            if (FsEntry.lstat(file).type() != NodeType.FILE) {
                throw notRegular(file);
            }
            return FileChannel.open(file, READ_NO_FOLLOW);
        }
        int fd = openDescriptor(file);
        boolean handedOver = false;
        try {
            BasicFileAttributes a = (BasicFileAttributes) FSTAT.invokeExact(fd);
            if (!a.isRegularFile()) {
                throw notRegular(file);
            }
            FileDescriptor descriptor = new FileDescriptor();
            SET_FD.invokeExact(descriptor, fd);
            FileChannel ch = (FileChannel) CHANNEL.invokeExact(descriptor, file.toString(), true, false, false, (Object) null);
            handedOver = true; // the channel closes it
            return ch;
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw translate(t, file);
        } finally {
            if (!handedOver) {
                closeDescriptor(fd);
            }
        }
    }

    /**
     * A descriptor of {@code path} opened for reading without following a symlink and without waiting
     * (whatever it is now: a folder, a file, a named pipe), for {@link OpenFileXattrs}; close it with
     * {@link #closeDescriptor}. Only where {@link #available()}.
     */
    static int openDescriptor(Path path) throws IOException {
        try {
            return (int) OPEN.invokeExact(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK, 0);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw translate(t, path);
        }
    }

    static void closeDescriptor(int fd) {
        try {
            CLOSE.invokeExact(fd);
        } catch (Throwable ignored) {
            // closing a descriptor opened here: nothing to tell
        }
    }

    private static IOException notRegular(Path file) {
        return new IOException(file + ": not a regular file any more (it was replaced since the folder was listed)");
    }

    private static IOException translate(Throwable t, Path p) {
        return FsEntry.Native.translate(t, p);
    }
}
