package io.backbench.target.api;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An object store that holds a repository: disk folder, tape, S3 bucket, SFTP server, ...
 *
 * <h2>Keys</h2>
 * Keys are non-empty {@code /}-separated paths whose segments are made of {@code [A-Za-z0-9._-]},
 * are not {@code .} or {@code ..}, and do not start with {@code .tmp} (reserved for a target's own
 * temporary files). {@link Keys#check(String)} validates one. Targets store keys exactly as given.
 *
 * <h2>Atomicity and visibility</h2>
 * {@link #put} is atomic: until it returns, readers see either the previous object or nothing,
 * never a part; when it throws, nothing of the new object is visible. After {@code put} returns,
 * {@code get}, {@code stat} and {@code list} from any thread see the object; after {@code delete}
 * returns they no longer do.
 *
 * <h2>Errors</h2>
 * Every operation throws {@link TargetException}. {@link TargetException#isRetryable()} says
 * whether the same call may succeed if repeated (a dropped connection, throttling, a server's 5xx).
 * A missing object is {@link ObjectNotFoundException}; a full medium is {@link TargetFullException};
 * overwriting or deleting on a write-once target is {@link WriteOnceException}. None of these is
 * retryable. Retrying is the caller's business (a retrying decorator), never a target's own loop.
 *
 * <h2>Threads</h2>
 * Implementations are safe for concurrent use by any number of threads. Targets that cannot work
 * in parallel (a tape drive) serialise internally and say so by lacking
 * {@link Capability#CONCURRENT_ACCESS}. Streams returned by {@link #get} are used by one thread.
 */
@ConsumerType
public interface StorageTarget extends AutoCloseable {

    /** What this target can do; constant for the life of the object. */
    Set<Capability> capabilities();

    /** A short human description of where the data lives, for messages: {@code disk:/srv/backup}. */
    String describe();

    /**
     * Stores {@code length} bytes read from {@code data} under {@code key}, replacing an existing
     * object atomically (unless the target is {@link Capability#WRITE_ONCE}, where an existing key
     * gives {@link WriteOnceException}). Reads exactly {@code length} bytes; fewer is an error and
     * nothing is stored. Does not close {@code data}. Idempotent for identical content.
     */
    void put(String key, InputStream data, long length) throws TargetException;

    /** {@link #put(String, InputStream, long)} for an array. */
    default void put(String key, byte[] data) throws TargetException {
        put(key, new ByteArrayInputStream(data), data.length);
    }

    /**
     * Opens {@code length} bytes of the object from {@code offset}; {@code length < 0} means to
     * the end. A range past the end is truncated to the object; an offset past the end gives an
     * empty stream. The caller closes the stream. Cheap on {@link Capability#RANDOM_ACCESS} targets;
     * on sequential ones it may mean winding a tape.
     *
     * @throws ObjectNotFoundException if there is no such object
     */
    InputStream get(String key, long offset, long length) throws TargetException;

    /** The whole object. */
    default InputStream get(String key) throws TargetException {
        return get(key, 0, -1);
    }

    /** Size and time of one object, or empty if it does not exist. */
    Optional<ObjectInfo> stat(String key) throws TargetException;

    /**
     * Calls {@code consumer} once for every object whose key starts with {@code prefix}
     * ({@code ""} lists everything), in no particular order, from the calling thread. Objects put
     * or deleted while listing may or may not be reported.
     */
    void list(String prefix, Consumer<ObjectInfo> consumer) throws TargetException;

    /**
     * Removes an object. Idempotent: deleting a missing key returns {@code false} and is no error.
     *
     * @return whether the object existed
     * @throws WriteOnceException if the target keeps the object under retention
     */
    boolean delete(String key) throws TargetException;

    /** Releases connections and handles; later calls fail. Idempotent. */
    @Override
    void close() throws TargetException;
}
