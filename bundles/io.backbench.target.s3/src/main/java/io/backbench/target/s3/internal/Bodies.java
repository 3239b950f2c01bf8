package io.backbench.target.s3.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import io.backbench.target.api.TargetException;
import software.amazon.awssdk.core.sync.RequestBody;

/** Request bodies read from the caller's stream into memory first, so a failing source sends nothing. */
final class Bodies {
    private Bodies() {
    }

    /** Reads exactly {@code n} bytes into {@code buf}; a short or failing source is a permanent error. */
    static void readExactly(InputStream in, byte[] buf, int n, String what, long before, long total) throws TargetException {
        int done = 0;
        try {
            while (done < n) {
                int r = in.read(buf, done, n - done);
                if (r < 0) {
                    throw TargetException.permanentFailure(what + ": the data ended after " + (before + done) + " of "
                            + total + " bytes; nothing was stored", null);
                }
                done += r;
            }
        } catch (IOException e) {
            throw TargetException.permanentFailure(what + ": reading the data to store failed: " + e.getMessage()
                    + "; nothing was stored", e);
        }
    }

    /** A body over the first {@code n} bytes of {@code buf}, which can be read again for signing. */
    static RequestBody of(byte[] buf, int n) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buf, 0, n), n, "application/octet-stream");
    }

    /** The base64 MD5 the server checks the body against, so a body damaged on the way is refused. */
    static String md5(byte[] buf, int n) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update(buf, 0, n);
            return Base64.getEncoder().encodeToString(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
