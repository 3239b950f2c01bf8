package io.backbench.repository.api;

/**
 * The repository's {@code config} file.
 *
 * @param version           the format version (1 or 2; new repositories are 2)
 * @param id                64 hex digits naming the repository
 * @param chunkerPolynomial the irreducible degree-53 polynomial of the content-defined chunker
 */
public record RepositoryConfig(int version, String id, long chunkerPolynomial) {
}
