package io.backbench.imaging.internal.restore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.backbench.discovery.probe.PartitionEntry;
import io.backbench.discovery.probe.PartitionTable;
import io.backbench.discovery.probe.Probes;
import io.backbench.imaging.api.BlockSource;
import io.backbench.imaging.api.ImageProgress;
import io.backbench.imaging.api.ImagingException;
import io.backbench.imaging.api.VerifyReport;
import io.backbench.imaging.api.VerifyReport.FsCheck;
import io.backbench.imaging.internal.image.ImageMetadata;
import io.backbench.imaging.internal.image.ImageStore;
import io.backbench.imaging.internal.map.Extents;
import io.backbench.imaging.internal.source.FileBlockSource;
import io.backbench.imaging.internal.source.ProbeView;
import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;

/**
 * Checks an image in the repository (every distinct chunk loaded, its SHA-256 computed again and its
 * length checked) and a restored target against an image (its used bytes compared, the GPT checked,
 * the filesystem checkers run). Loads run on a thread pool; the report lists every problem.
 */
public final class Verifier {
    private final Repository repo;
    private final ImageProgress progress;

    public Verifier(Repository repo, ImageProgress progress) {
        this.repo = repo;
        this.progress = progress;
    }

    public VerifyReport verify(ImageStore.Image image) throws IOException {
        ImageMetadata m = image.metadata();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        if (!image.raw().content().equals(m.chunks())) {
            problems.add("the raw file's chunk list differs from the checksums in " + m.rawFile() + "'s metadata");
        }
        Map<Id, Long> firstUse = new LinkedHashMap<>();
        for (int c = 0; c < m.chunks().size(); c++) {
            firstUse.putIfAbsent(m.chunks().get(c), (long) c);
        }
        AtomicLong done = new AtomicLong();
        parallel(firstUse.entrySet().stream().map(e -> (Check) () -> {
            long from = e.getValue() * m.chunkSize();
            int len = (int) Math.min(m.chunkSize(), m.size() - from);
            try {
                // hashed here, once, so that a mismatch is reported as such
                byte[] data = repo.loadBlob(BlobType.DATA, e.getKey(), false);
                if (data.length != len) {
                    problems.add("chunk " + e.getKey().shortHex() + " (first at byte " + from + ") is " + data.length + " bytes, not " + len);
                } else if (!Id.hash(data).equals(e.getKey())) {
                    problems.add("chunk " + e.getKey().shortHex() + " (first at byte " + from + ") does not match its SHA-256");
                }
            } catch (IOException ex) {
                problems.add("chunk " + e.getKey().shortHex() + " (first at byte " + from + ") cannot be read: " + ex.getMessage());
            }
            progress.update("verify", done.incrementAndGet(), firstUse.size());
        }).toList());
        return new VerifyReport(m.chunks().size(), firstUse.size(), 0, List.of(), problems);
    }

    public VerifyReport verifyTarget(ImageStore.Image image, Path target, boolean fsck) throws IOException {
        ImageMetadata m = image.metadata();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        List<FsCheck> checks = new ArrayList<>();
        AtomicLong compared = new AtomicLong();
        long targetSize;
        try (FileBlockSource t = FileBlockSource.open(target)) {
            targetSize = t.size();
            if (targetSize < m.size()) {
                throw new ImagingException(target + " (" + targetSize + " bytes) is smaller than the image (" + m.size() + " bytes)");
            }
            Extents compare = m.used();
            if ("gpt".equals(m.tableType()) && targetSize > m.size()) {
                compare = compare.complement(0, m.size()).union(gptRewritten(image)).complement(0, m.size());
                checkGpt(t, m, problems);
            }
            compareUsed(image, t, compare, problems, compared);
        }
        if (fsck) {
            for (ImageMetadata.Part p : parts(m)) {
                if (FsChecker.supported(p.fsType())) {
                    progress.update("fsck", 0, 0);
                    checks.add(FsChecker.check(target, p.number(), p.start(), p.length(), targetSize, p.fsType()));
                }
            }
        }
        return new VerifyReport(m.chunks().size(), 0, compared.get(), checks, problems);
    }

    private static List<ImageMetadata.Part> parts(ImageMetadata m) {
        List<ImageMetadata.Part> out = new ArrayList<>(m.partitions());
        if (m.filesystem() != null) {
            out.add(m.filesystem());
        }
        return out;
    }

    /** Sectors a GPT relocation rewrites: the protective MBR, the primary header and the old backup at the image's end. */
    private Extents gptRewritten(ImageStore.Image image) throws IOException {
        ImageMetadata m = image.metadata();
        int ss = m.sectorSize();
        byte[] first = repo.loadBlob(BlobType.DATA, m.chunks().get(0));
        long entryBytes = first.length >= 2 * ss ? (le32(first, ss + 80) * le32(first, ss + 84)) : 16384;
        long entrySectors = (entryBytes + ss - 1) / ss;
        return Extents.of(0, 2L * ss).union(Extents.of(m.size() - (entrySectors + 1) * ss, (entrySectors + 1) * ss));
    }

    private static long le32(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }

    private static void checkGpt(BlockSource t, ImageMetadata m, List<String> problems) throws IOException {
        PartitionTable table = Probes.readGpt(new ProbeView(t), m.sectorSize());
        if (table == null) {
            problems.add("the target has no valid GPT");
            return;
        }
        for (String w : table.warnings()) {
            problems.add("the target's GPT: " + w);
        }
        List<String> want = new ArrayList<>();
        for (ImageMetadata.Part p : m.partitions()) {
            want.add(p.number() + "@" + p.start() + "+" + p.length());
        }
        List<String> got = new ArrayList<>();
        for (PartitionEntry e : table.entries()) {
            got.add(e.number() + "@" + e.start(m.sectorSize()) + "+" + e.size(m.sectorSize()));
        }
        if (!got.equals(want)) {
            problems.add("the target's GPT lists partitions " + got + ", the image " + want);
        }
    }

    private void compareUsed(ImageStore.Image image, BlockSource t, Extents compare, List<String> problems, AtomicLong compared)
            throws IOException {
        ImageMetadata m = image.metadata();
        List<Check> work = new ArrayList<>();
        for (int c = 0; c < m.chunks().size(); c++) {
            long from = (long) c * m.chunkSize();
            int len = (int) Math.min(m.chunkSize(), m.size() - from);
            Extents here = compare.clip(from, from + len);
            if (here.isEmpty()) {
                continue;
            }
            Id id = m.chunks().get(c);
            work.add(() -> {
                try {
                    byte[] want = repo.loadBlob(BlobType.DATA, id);
                    byte[] got = new byte[len];
                    for (int i = 0; i < here.count(); i++) {
                        int off = (int) (here.start(i) - from);
                        int n = (int) (here.end(i) - here.start(i));
                        t.read(here.start(i), got, off, n);
                        int diff = java.util.Arrays.mismatch(want, off, off + n, got, off, off + n);
                        if (diff >= 0) {
                            problems.add("the target differs from the image at byte " + (here.start(i) + diff));
                        }
                        compared.addAndGet(n);
                    }
                } catch (IOException e) {
                    problems.add("comparing the chunk at byte " + from + " failed: " + e.getMessage());
                }
                progress.update("compare", compared.get(), compare.total());
            });
        }
        parallel(work);
    }

    private interface Check {
        void run() throws IOException;
    }

    private static void parallel(List<Check> work) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (Check c : work) {
                fs.add(pool.submit(() -> {
                    c.run();
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImagingException("verification was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ImagingException("verification failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
