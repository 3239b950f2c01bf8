package io.backbench.repository.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.backbench.repository.api.CheckProblem;
import io.backbench.repository.api.CheckProblem.Kind;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.RepositoryException;

/**
 * check --read-data for one pack: downloads it, checks its hash, compares its header with the index
 * and opens every indexed blob (MAC, decompression, SHA-256). Stateless; runs on a worker thread.
 */
final class PackVerifier {
    /** What reading one pack found; {@code lost} maps each unreadable blob to the problem that reports it. */
    record Outcome(Id pack, boolean read, int blobs, List<CheckProblem> problems, Map<Id, CheckProblem> lost) {
    }

    private final ResticRepository repo;

    PackVerifier(ResticRepository repo) {
        this.repo = repo;
    }

    Outcome verify(Id pack, List<PackedBlob> indexed) {
        List<CheckProblem> problems = new ArrayList<>();
        Map<Id, CheckProblem> lost = new LinkedHashMap<>();
        byte[] bytes;
        try {
            bytes = repo.store().read(Store.packKey(pack));
        } catch (RepositoryException e) {
            CheckProblem p = problem(Kind.PACK_MISSING, "pack " + pack.shortHex() + " cannot be read: " + e.getMessage(), pack, null);
            problems.add(p);
            indexed.forEach(b -> lost.putIfAbsent(b.id(), p));
            return new Outcome(pack, false, 0, problems, lost);
        }
        if (!Id.hash(bytes).equals(pack)) {
            problems.add(problem(Kind.PACK_DAMAGED, "pack " + pack.shortHex() + " is damaged: its content does not hash to its name",
                    pack, null));
        }
        try {
            CheckProblem p = compareHeader(pack, indexed, PackHeader.parseWhole(pack, bytes, repo.master()));
            if (p != null) {
                problems.add(p);
            }
        } catch (RepositoryException e) {
            problems.add(problem(Kind.PACK_HEADER_MISMATCH, e.getMessage(), pack, null));
        }
        for (PackedBlob b : indexed) {
            try {
                if (b.offset() < 0 || b.offset() + b.length() > bytes.length) {
                    throw new RepositoryException("it lies outside the pack");
                }
                repo.blobCodec().open(b, Arrays.copyOfRange(bytes, (int) b.offset(), (int) b.offset() + b.length()));
            } catch (RepositoryException e) {
                String why = e.getMessage();
                why = why.contains(" is damaged: ") ? why.substring(why.indexOf(" is damaged: ") + 13) : why;
                CheckProblem p = problem(Kind.BLOB_DAMAGED, "pack " + pack.shortHex() + ": " + b.type().jsonName() + " blob "
                        + b.id().shortHex() + " is damaged: " + why, pack, b.id());
                problems.add(p);
                lost.putIfAbsent(b.id(), p);
            }
        }
        return new Outcome(pack, true, indexed.size(), problems, lost);
    }

    /** A problem when the header's entries differ from the index's, else null. */
    static CheckProblem compareHeader(Id pack, List<PackedBlob> indexed, List<PackedBlob> header) {
        Set<PackedBlob> expected = new HashSet<>(indexed);
        if (expected.equals(new HashSet<>(header))) {
            return null;
        }
        return problem(Kind.PACK_HEADER_MISMATCH, "pack " + pack.shortHex() + ": its header lists " + header.size()
                + " blobs that differ from the " + expected.size() + " the index lists (rebuild the index)", pack, null);
    }

    static CheckProblem problem(Kind kind, String message, Id pack, Id blob) {
        return new CheckProblem(kind, message, pack, blob, null, List.of());
    }
}
