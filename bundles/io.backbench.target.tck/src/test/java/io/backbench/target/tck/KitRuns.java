package io.backbench.target.tck;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.backbench.target.api.Capability;
import io.backbench.target.api.StorageTarget;

/**
 * The kit applied to each correct and broken target. These are not run by surefire (their names do
 * not end in Test and they are nested); {@link ConformanceKitTest} runs them through the launcher.
 */
final class KitRuns {
    private KitRuns() {
    }

    static final Set<Capability> PERSISTENT_CAPS =
            EnumSet.of(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.DELETE, Capability.PERSISTENT);

    static class Ordinary extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return ReferenceTarget.ordinary();
        }
    }

    static class Serial extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return new ReferenceTarget(Capability.DELETE);
        }
    }

    static class WriteOnce extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return new ReferenceTarget(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.WRITE_ONCE);
        }
    }

    static class Persistent extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return new ReferenceTarget(new ConcurrentHashMap<>(), PERSISTENT_CAPS);
        }

        @Override
        protected StorageTarget reopen(StorageTarget closed) {
            return new ReferenceTarget(((ReferenceTarget) closed).objects, PERSISTENT_CAPS);
        }
    }

    /** Declares PERSISTENT but its test forgot to override reopen. */
    static class PersistentWithoutReopen extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return new ReferenceTarget(new ConcurrentHashMap<>(), PERSISTENT_CAPS);
        }
    }

    /** Declares PERSISTENT, but a reopened target has lost everything. */
    static class ForgetsOnReopen extends Persistent {
        @Override
        protected StorageTarget reopen(StorageTarget closed) {
            return new ReferenceTarget(new ConcurrentHashMap<String, ReferenceTarget.Stored>(Map.of()), PERSISTENT_CAPS);
        }
    }

    static class LosesEveryThirdWrite extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return new BrokenTargets.LosesEveryThirdWrite();
        }
    }

    static class ListsDeletedObjects extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return new BrokenTargets.ListsDeletedObjects();
        }
    }

    static class TruncatesRanges extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return new BrokenTargets.TruncatesRanges();
        }
    }

    static class ShowsPartialObjects extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return new BrokenTargets.ShowsPartialObjects();
        }
    }

    static class IgnoresLength extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return new BrokenTargets.IgnoresLength();
        }
    }

    static class MissingObjectsReadAsEmpty extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return new BrokenTargets.MissingObjectsReadAsEmpty();
        }
    }

    static class AcceptsInvalidKeys extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return new BrokenTargets.AcceptsInvalidKeys();
        }
    }

    static class OverwritesDespiteWriteOnce extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return new BrokenTargets.OverwritesDespiteWriteOnce();
        }
    }

    static class ClosesOnlyOnce extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return new BrokenTargets.ClosesOnlyOnce();
        }
    }

    static class ClosesTheSourceStream extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return new BrokenTargets.ClosesTheSourceStream();
        }
    }
}
