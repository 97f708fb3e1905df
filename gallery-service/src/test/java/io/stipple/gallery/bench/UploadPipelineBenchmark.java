package io.stipple.gallery.bench;

import io.stipple.gallery.image.ImagePipeline;
import io.stipple.gallery.image.TestImages;
import io.stipple.gallery.storage.LocalObjectStorage;
import io.stipple.gallery.storage.ObjectKeys;
import io.stipple.gallery.storage.ObjectStorage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The upload pipeline on 12-megapixel (4000 × 3000) phone-like JPEGs carrying EXIF with GPS and orientation 6:
 * detect → header check → decode → orient → re-encode full size → display and thumbnail renditions → store
 * (local filesystem). Reports p50/p99/max latency of one image and throughput, sequential and with as many
 * concurrent uploads as the service allows by default (2).
 *
 * <pre>./mvnw -pl gallery-service -Pbench test-compile exec:java [-Dbench.iterations=40] [-Dbench.orientation=6]</pre>
 */
public final class UploadPipelineBenchmark {

    public static void main(String[] args) throws Exception {
        int iterations = Integer.getInteger("bench.iterations", 40);
        int warmup = Integer.getInteger("bench.warmup", 8);
        int orientation = Integer.getInteger("bench.orientation", 6);
        int concurrency = Integer.getInteger("bench.concurrency", 2);
        ImagePipeline pipeline = new ImagePipeline(new ImagePipeline.Settings(20L * 1024 * 1024, 60_000_000L, 12_000,
                1600, 320, 0.90f, 0.85f, 0.80f));
        Path dir = Files.createTempDirectory("gallery-bench");
        ObjectStorage storage = new LocalObjectStorage(dir);

        System.out.printf(Locale.ROOT, "generating 4 distinct 4000x3000 JPEGs (quality 0.95, EXIF GPS, orientation %d)...%n", orientation);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inputs.add(TestImages.withGpsExif(TestImages.photoLike(4000, 3000, i, 0.95f), orientation));
        }
        System.out.printf(Locale.ROOT, "input sizes: %s bytes; JVM %s, %d CPUs, max heap %d MB%n",
                inputs.stream().map(b -> String.valueOf(b.length)).toList(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1024 / 1024);

        System.out.println("load average before: " + loadAverage());
        for (int i = 0; i < warmup; i++) {
            run(pipeline, storage, inputs.get(i % inputs.size()));
        }

        long[] sequential = new long[iterations];
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            sequential[i] = run(pipeline, storage, inputs.get(i % inputs.size()));
        }
        double seqSeconds = (System.nanoTime() - start) / 1e9;
        report("sequential", sequential, iterations / seqSeconds);

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Long>> futures = new ArrayList<>();
        start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            byte[] input = inputs.get(i % inputs.size());
            futures.add(pool.submit(() -> run(pipeline, storage, input)));
        }
        long[] concurrent = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            concurrent[i] = futures.get(i).get();
        }
        double concSeconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        report(concurrency + " concurrent", concurrent, iterations / concSeconds);
        System.out.println("load average after: " + loadAverage() + " (other processes on the machine skew the figures)");
        long p99 = percentile(sequential, 99);
        System.out.printf(Locale.ROOT, "target p99 < 1000 ms (sequential): %s%n", p99 < 1_000_000_000L ? "MET" : "NOT MET");
    }

    private static long run(ImagePipeline pipeline, ObjectStorage storage, byte[] input) {
        long t0 = System.nanoTime();
        ImagePipeline.Result result = pipeline.process(input);
        UUID clinic = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        storage.put(ObjectKeys.newImageKey(clinic, client, "full"), result.full(), "image/jpeg");
        storage.put(ObjectKeys.newImageKey(clinic, client, "display"), result.display(), "image/jpeg");
        storage.put(ObjectKeys.newImageKey(clinic, client, "thumb"), result.thumbnail(), "image/jpeg");
        long elapsed = System.nanoTime() - t0;
        storage.deletePrefix(ObjectKeys.clientPrefix(clinic, client));
        return elapsed;
    }

    private static void report(String label, long[] nanos, double perSecond) {
        System.out.printf(Locale.ROOT, "%-13s n=%d  p50=%d ms  p99=%d ms  max=%d ms  mean=%d ms  throughput=%.2f images/s%n",
                label, nanos.length, percentile(nanos, 50) / 1_000_000, percentile(nanos, 99) / 1_000_000,
                Arrays.stream(nanos).max().orElse(0) / 1_000_000,
                (long) Arrays.stream(nanos).average().orElse(0) / 1_000_000, perSecond);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "n/a";
        }
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
