package io.backbench.backup.internal.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;

import io.backbench.backup.internal.scan.OpenFileXattrs;
import io.backbench.backup.internal.scan.RegularFiles;
import io.backbench.repository.api.ExtendedAttribute;
import io.backbench.target.api.io.DirectIo;

/**
 * Every way the engine opens a file it backs up: for its content, and for its extended attributes
 * (a folder's: the JDK opens it to list them; a file's come through the channel open for its
 * content). One seam, so a test can count that unchanged files are never opened. Called from the
 * engine's reader threads; implementations are thread-safe.
 */
public interface FileOpener {

    /** Opens a regular file for reading, not following a symlink; an error if it is not a regular file. */
    FileChannel open(Path file) throws IOException;

    /**
     * Opens a regular file a second time, for reading around the page cache (O_DIRECT, see
     * {@link DirectIo}), or gives null where that is not possible: then {@link #open}'s channel reads
     * it all. By default null.
     */
    default FileChannel openDirect(Path file) throws IOException {
        return null;
    }

    /**
     * The extended attributes of a file or folder. Only the {@code user.} namespace: the JDK reads no
     * other (a native call would be needed for {@code trusted.} and {@code security.}).
     */
    List<ExtendedAttribute> xattrs(Path path) throws IOException;

    /**
     * The extended attributes of the file {@code path}, which {@code open} (from {@link #open}) has
     * open: by default as {@link #xattrs(Path)}.
     */
    default List<ExtendedAttribute> xattrs(Path path, FileChannel open) throws IOException {
        return xattrs(path);
    }

    FileOpener DEFAULT = new FileOpener() {
        @Override
        public FileChannel open(Path file) throws IOException {
            // without waiting: a file replaced by a named pipe since the walk saw it is an error, not a hang
            return RegularFiles.open(file);
        }

        @Override
        public FileChannel openDirect(Path file) throws IOException {
            return DirectIo.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        public List<ExtendedAttribute> xattrs(Path path, FileChannel open) throws IOException {
            // through the open file's descriptor, not a second open (where the JDK's internals allow it)
            List<ExtendedAttribute> x = OpenFileXattrs.read(open, path);
            return x != null ? x : viaView(path);
        }

        @Override
        public List<ExtendedAttribute> xattrs(Path path) throws IOException {
            // opened without waiting (a folder replaced by a named pipe is no hang), where the internals allow
            List<ExtendedAttribute> x = OpenFileXattrs.read(path);
            return x != null ? x : viaView(path);
        }

        private List<ExtendedAttribute> viaView(Path path) throws IOException {
            UserDefinedFileAttributeView v = Files.getFileAttributeView(path, UserDefinedFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (v == null) {
                return List.of();
            }
            List<String> names = v.list();
            if (names.isEmpty()) {
                return List.of();
            }
            List<ExtendedAttribute> out = new ArrayList<>(names.size());
            for (String n : names) {
                ByteBuffer buf = ByteBuffer.allocate(v.size(n));
                v.read(n, buf);
                byte[] value = new byte[buf.position()];
                buf.flip().get(value);
                out.add(new ExtendedAttribute("user." + n, value));
            }
            out.sort((a, b) -> a.name().compareTo(b.name()));
            return out;
        }
    };
}
