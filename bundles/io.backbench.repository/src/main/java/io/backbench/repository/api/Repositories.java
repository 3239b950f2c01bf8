package io.backbench.repository.api;

import io.backbench.repository.internal.ResticRepository;
import io.backbench.target.api.StorageTarget;

/** Creates and opens repositories on storage targets. */
public final class Repositories {
    private Repositories() {
    }

    /**
     * Initialises a new format-version-2 repository (random id, master key and chunker polynomial)
     * on an empty target, with one key for {@code password}.
     *
     * @throws RepositoryException if the target already holds a {@code config}
     */
    public static Repository init(StorageTarget target, char[] password, RepositoryOptions options) throws RepositoryException {
        return ResticRepository.init(target, password, options, null);
    }

    /** As {@link #init}, with a given chunker polynomial (to share chunk boundaries with another repository). */
    public static Repository init(StorageTarget target, char[] password, RepositoryOptions options, long chunkerPolynomial)
            throws RepositoryException {
        return ResticRepository.init(target, password, options, chunkerPolynomial);
    }

    /**
     * Opens a repository written by restic or by us. Its index files are read in the background
     * (see {@link Repository}, "The index").
     *
     * @throws WrongPasswordException if no key file opens with {@code password}
     * @throws RepositoryException    if there is no repository, or its version is not 1 or 2
     */
    public static Repository open(StorageTarget target, char[] password, RepositoryOptions options) throws RepositoryException {
        return ResticRepository.open(target, password, options);
    }
}
