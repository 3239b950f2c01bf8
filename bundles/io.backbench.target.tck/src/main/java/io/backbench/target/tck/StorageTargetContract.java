package io.backbench.target.tck;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.backbench.target.api.Capability;
import io.backbench.target.api.StorageTarget;

/**
 * The contract of {@link StorageTarget}, as a JUnit 5 suite. A target's test extends this class and
 * supplies {@link #newTarget()}; persistent targets also override {@link #reopen(StorageTarget)}:
 *
 * <pre>{@code
 * class DiskTargetContractTest extends StorageTargetContract {
 *     @TempDir Path dir;
 *     protected StorageTarget newTarget() throws Exception { return open(dir); }
 *     protected StorageTarget reopen(StorageTarget closed) throws Exception { return open(dir); }
 * }
 * }</pre>
 *
 * <h2>What is checked</h2>
 * Put/get round trips (empty, one byte, binary, several MiB streamed), ranged gets, overwrite and
 * its atomicity, failed puts (short or failing streams) leaving nothing visible, stat, listing by
 * prefix, delete, missing objects, key validation, many threads at once, persistence across a
 * reopen, and close. Each check is one test named after the behaviour it expects.
 *
 * <h2>Capabilities and skipped checks</h2>
 * The target's {@link StorageTarget#capabilities()} decide which checks apply. A check that truly
 * does not apply to the declared capabilities ends as <em>aborted</em> (a JUnit assumption), never
 * as passed; nothing else is ever skipped:
 * <ul>
 * <li>without {@link Capability#WRITE_ONCE}: the checks that an overwrite or a delete is refused;</li>
 * <li>with {@link Capability#WRITE_ONCE}: the checks that an overwrite replaces the object;</li>
 * <li>without {@link Capability#DELETE}: the delete checks (a write-once target is checked to
 *     refuse deletes instead);</li>
 * <li>without {@link Capability#CONCURRENT_ACCESS}: the check that an object is invisible while
 *     its put is still running (a serialising target makes the reader wait, so there is no
 *     in-between moment to look at);</li>
 * <li>without {@link Capability#PERSISTENT}: the check that objects survive a close and reopen.
 *     A target that declares it must override {@link #reopen(StorageTarget)}, else that check
 *     fails.</li>
 * </ul>
 *
 * <h2>Choices the kit makes where the contract is open</h2>
 * Invalid keys and prefixes give {@link IllegalArgumentException} (see
 * {@link io.backbench.target.api.Keys}); operations on a closed target throw a
 * {@link io.backbench.target.api.TargetException}; on a write-once target, putting identical
 * content again may either succeed or be refused, but the object must not change.
 *
 * <p>Each test gets a fresh, empty target and closes it afterwards. The concurrency check uses 8
 * threads of 50 operations; waits are bounded so that a deadlocked target fails instead of hanging.
 */
public abstract class StorageTargetContract implements RoundTripChecks, RangeChecks, OverwriteChecks,
        FailedPutChecks, ListChecks, DeleteChecks, MissingObjectChecks, KeyChecks, ConcurrencyChecks,
        LifecycleChecks {

    private StorageTarget target;

    /** A new, empty target for one test. Called once before every test. */
    protected abstract StorageTarget newTarget() throws Exception;

    /**
     * Opens the same storage again after {@code closed} was closed, for targets that declare
     * {@link Capability#PERSISTENT}. The default refuses: a persistent target must override it.
     */
    protected StorageTarget reopen(StorageTarget closed) throws Exception {
        throw new UnsupportedOperationException(getClass().getName()
                + " does not override reopen(StorageTarget), but its target declares PERSISTENT:"
                + " override it to open the same storage again");
    }

    @BeforeEach
    final void openFreshTarget() throws Exception {
        target = newTarget();
        if (target == null) {
            throw new IllegalStateException(getClass().getName() + ".newTarget() returned null");
        }
    }

    @AfterEach
    final void closeTarget() throws Exception {
        if (target != null) {
            target.close();
        }
    }

    @Override
    public final StorageTarget target() {
        return target;
    }

    @Override
    public final boolean has(Capability capability) {
        Set<Capability> capabilities = target.capabilities();
        return capabilities.contains(capability);
    }

    @Override
    public final StorageTarget closeAndReopen() throws Exception {
        StorageTarget closed = target;
        closed.close();
        target = null;
        target = reopen(closed);
        if (target == null) {
            throw new IllegalStateException(getClass().getName() + ".reopen() returned null");
        }
        return target;
    }
}
