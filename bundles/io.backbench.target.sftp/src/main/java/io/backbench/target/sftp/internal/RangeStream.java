package io.backbench.target.sftp.internal;

import java.io.IOException;
import java.io.InputStream;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.impl.AbstractSftpClient;
import org.apache.sshd.sftp.client.impl.SftpInputStreamAsync;


/**
 * Up to {@code length} bytes of an open remote file from {@code position}, read with several requests
 * in flight (sshd's pipelined reader, told to stop at the end of the range) on a leased session
 * that goes back to the pool when the stream is closed. Used by one thread (the SPI's rule for
 * streams from {@code get}). The open handle keeps reading the object it opened even if a put
 * renames a new one over it (POSIX servers), so a reader never sees a mix.
 */
final class RangeStream extends InputStream {
    /** Bytes per read request: what every server answers in one piece (OpenSSH's limit is higher). */
    private static final int REQUEST = 32 * 1024;

    private final SessionPool pool;
    private final Connection connection;
    private final SftpClient.CloseableHandle handle;
    private final SftpInputStreamAsync in;
    private final String where;
    private final String key;
    private long position;
    private long remaining;
    private boolean broken;
    private boolean closed;

    /**
     * @param length    how many bytes at most; negative: to the end of the file
     * @param sizeHint  the file's size as last seen (it may change before we read): only tells how many
     *                  read requests to send ahead, never where the data ends (the server's EOF does)
     */
    RangeStream(SessionPool pool, Connection connection, SftpClient.CloseableHandle handle, String where, String key,
            long position, long length, long sizeHint) {
        this.pool = pool;
        this.connection = connection;
        this.handle = handle;
        this.where = where;
        this.key = key;
        this.position = position;
        this.remaining = length < 0 ? Long.MAX_VALUE : length;
        long end = length < 0 ? sizeHint : Math.min(sizeHint, position + length);
        // sshd reads ahead up to its window for an unknown size (0): 1 at least keeps small reads small
        this.in = remaining == 0 ? null : new SftpInputStreamAsync((AbstractSftpClient) connection.sftp(), REQUEST,
                position, Math.max(1, end), key, handle);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException(where + ": the stream of '" + key + "' is closed");
        }
        if (len == 0) {
            return 0;
        }
        if (remaining <= 0) {
            return -1;
        }
        int n;
        try {
            n = in.read(b, off, (int) Math.min(len, remaining));
        } catch (IOException e) {
            broken = SftpErrors.isConnectionFailure(e);
            throw SftpErrors.translate(where, "reading '" + key + "' at byte " + position, null, key,
                    SftpErrors.Doing.READ, e);
        }
        if (n < 0) {
            remaining = 0; // the end of the object (a range past the end is cut there, as the SPI says)
            return -1;
        }
        position += n;
        remaining -= n;
        return n;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (in != null) {
                in.close(); // waits for the answers still in flight, then closes the handle
            } else {
                handle.close();
            }
        } catch (IOException e) {
            broken = broken || SftpErrors.isConnectionFailure(e);
        } finally {
            pool.release(connection, !broken);
        }
    }
}
