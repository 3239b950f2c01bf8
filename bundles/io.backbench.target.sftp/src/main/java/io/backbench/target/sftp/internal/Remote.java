package io.backbench.target.sftp.internal;

import java.io.IOException;

/**
 * Runs one piece of work on a leased session and gives the session back: kept when the work
 * succeeded or the server merely refused the request, dropped when the connection failed.
 */
final class Remote {
    private final SessionPool pool;
    private final String where;

    Remote(SessionPool pool, String where) {
        this.pool = pool;
        this.where = where;
    }

    /** One call on a session, e.g. a stat. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws IOException;
    }

    <T> T call(String action, String key, String path, SftpErrors.Doing doing, Work<T> work)
            throws io.backbench.target.api.TargetException {
        Connection c = pool.lease();
        boolean reusable = false;
        try {
            T result = work.run(c);
            reusable = true;
            return result;
        } catch (IOException e) {
            // the caller's stream failing, or the server refusing one request, leaves the session fine
            reusable = (e instanceof io.backbench.target.api.TargetException || !SftpErrors.isConnectionFailure(e))
                    && c.isOpen();
            throw SftpErrors.translate(where, action, key, path, doing, e);
        } finally {
            pool.release(c, reusable);
        }
    }
}
