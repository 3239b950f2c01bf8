package io.backbench.repository.internal;

import io.backbench.repository.api.NodeType;

/**
 * Go's os.FileMode as restic stores it in trees: permission bits low, type and special bits high
 * (ModeDir = 1<<31 ... ModeSticky = 1<<20), unlike POSIX st_mode.
 */
final class GoFileMode {
    static final int DIR = 1 << 31;
    static final int SYMLINK = 1 << 27;
    static final int DEVICE = 1 << 26;
    static final int NAMED_PIPE = 1 << 25;
    static final int SOCKET = 1 << 24;
    static final int SETUID = 1 << 23;
    static final int SETGID = 1 << 22;
    static final int CHAR_DEVICE = 1 << 21;
    static final int STICKY = 1 << 20;
    static final int IRREGULAR = 1 << 19;

    private GoFileMode() {
    }

    /** Go's mode for a node type and POSIX permission bits ({@code 07777}). */
    static long encode(NodeType type, int permissions) {
        int m = permissions & 0777;
        if ((permissions & 04000) != 0) {
            m |= SETUID;
        }
        if ((permissions & 02000) != 0) {
            m |= SETGID;
        }
        if ((permissions & 01000) != 0) {
            m |= STICKY;
        }
        m |= switch (type) {
            case FILE -> 0;
            case DIR -> DIR;
            case SYMLINK -> SYMLINK;
            case DEV -> DEVICE;
            case CHARDEV -> DEVICE | CHAR_DEVICE;
            case FIFO -> NAMED_PIPE;
            case SOCKET -> SOCKET;
            case IRREGULAR -> IRREGULAR;
        };
        return m & 0xffffffffL;
    }

    /** POSIX permission bits ({@code 07777}) of a Go mode. */
    static int permissions(long goMode) {
        int m = (int) goMode;
        int p = m & 0777;
        if ((m & SETUID) != 0) {
            p |= 04000;
        }
        if ((m & SETGID) != 0) {
            p |= 02000;
        }
        if ((m & STICKY) != 0) {
            p |= 01000;
        }
        return p;
    }
}
