package io.backbench.target.tape.internal;

import java.io.IOException;
import java.io.InputStream;

/** The bytes of the tape file at the drive's position, block by block, up to its filemark. Lock held by the caller. */
final class TapeFileInput extends InputStream {
    private final TapeDrive drive;
    private final byte[] block;
    private int len;
    private int pos;
    private boolean end;

    TapeFileInput(TapeDrive drive, int blockSize) {
        this.drive = drive;
        this.block = new byte[blockSize];
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        if (pos == len) {
            if (end) {
                return -1;
            }
            int r = drive.read(block);
            if (r <= 0) {
                end = true;
                return -1;
            }
            len = r;
            pos = 0;
        }
        int k = Math.min(n, len - pos);
        System.arraycopy(block, pos, b, off, k);
        pos += k;
        return k;
    }

    /** Reads on to the filemark, so the drive stands at the start of the next tape file. */
    void drain() throws IOException {
        while (!end) {
            int r = drive.read(block);
            if (r <= 0) {
                end = true;
            }
        }
        pos = len;
    }
}
