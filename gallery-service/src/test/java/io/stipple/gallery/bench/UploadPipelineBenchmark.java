package io.stipple.gallery.bench;

import io.stipple.gallery.image.DecodeMemory;
import io.stipple.gallery.image.ImagePipeline;
import io.stipple.gallery.image.MemoryNeed;
import io.stipple.gallery.image.TestImages;
import io.stipple.gallery.storage.LocalObjectStorage;
import io.stipple.gallery.storage.ObjectKeys;
import io.stipple.gallery.storage.ObjectStorage;
import io.stipple.platform.problem.ProblemException;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The upload pipeline on 12-megapixel (4000 × 3000) phone-like JPEGs carrying EXIF with GPS and orientation 6:
 * detect → header check → decode → orient → re-encode full size → display and thumbnail renditions → store
 * (local filesystem). Reports p50/p99/max latency of one image and throughput, sequential and with as many
 * concurrent uploads as the service allows by default (2).
 * <p>
 * Then, in a child JVM with the service's heap ({@code -Xmx256m}, {@code -Dbench.png16.heap}), 16-bit RGB PNGs at
 * the largest size the default decode memory (half the heap) admits, sequential and 2 at a time through the one
 * {@link DecodeMemory} (which serialises them: each needs more than half of it), and the count of uploads that ran
 * out of memory — which must be none.
 *
 * <pre>./mvnw -pl gallery-service -Pbench test-compile exec:java [-Dbench.iterations=40] [-Dbench.orientation=6]</pre>
 */
public final class UploadPipelineBenchmark {

    /** The service's defaults. */
    static final ImagePipeline.Settings SETTINGS = new ImagePipeline.Settings(20L * 1024 * 1024, 60_000_000L, 12_000,
            1600, 320, 0.90f, 0.85f, 0.80f);

    static final String PNG16 = "png16";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(PNG16)) {
            sixteenBitPngs();
            return;
        }
        int iterations = Integer.getInteger("bench.iterations", 40);
        int warmup = Integer.getInteger("bench.warmup", 8);
        int orientation = Integer.getInteger("bench.orientation", 6);
        int concurrency = Integer.getInteger("bench.concurrency", 2);
        ImagePipeline pipeline = new ImagePipeline(SETTINGS);
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
        forkSixteenBitPngs();
    }

    /** Runs {@link #sixteenBitPngs} in a JVM of its own, with the heap the service is given. */
    private static void forkSixteenBitPngs() throws Exception {
        String heap = System.getProperty("bench.png16.heap", "256m");
        ClassLoader loader = UploadPipelineBenchmark.class.getClassLoader();
        String classpath = loader instanceof URLClassLoader urls
                ? Arrays.stream(urls.getURLs()).map(UploadPipelineBenchmark::path).collect(Collectors.joining(File.pathSeparator))
                : System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Dbench.png16.iterations=" + Integer.getInteger("bench.png16.iterations", 8),
                "-cp", classpath, UploadPipelineBenchmark.class.getName(), PNG16));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the 16-bit PNG benchmark (-Xmx" + heap + ") failed with exit code " + exit);
        }
    }

    private static String path(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }

    /**
     * 16-bit RGB PNGs at the largest 4:3 size the default decode memory of this JVM admits, through one pipeline and
     * its decode memory, sequentially and 2 at a time; every upload that runs out of heap is counted.
     */
    private static void sixteenBitPngs() throws Exception {
        int iterations = Integer.getInteger("bench.png16.iterations", 8);
        DecodeMemory memory = DecodeMemory.ofHeap(Duration.ofMinutes(5));
        ImagePipeline pipeline = new ImagePipeline(SETTINGS, memory);
        long maxHeap = Runtime.getRuntime().maxMemory();
        // a first guess from the formula without the file (decoding: 6 + 3 bytes a pixel), then smaller until it fits
        int width = (int) Math.sqrt(memory.capacity() / 1.1 / 9 * 4 / 3) / 16 * 16;
        byte[] png;
        MemoryNeed need;
        while (true) {
            png = TestImages.png16(width, width * 3 / 4, false);
            need = pipeline.memoryNeed(png);
            if (memory.fits(need.total())) {
                break;
            }
            width -= 16;
        }
        int height = width * 3 / 4;
        byte[] input = png;
        System.out.printf(Locale.ROOT, "16-bit PNG in a JVM of its own: max heap %d MB, decode memory %d MB (default: half"
                        + " the heap); largest 4:3 16-bit RGB PNG it admits %dx%d (%.1f MP, file %d bytes), need %d MB"
                        + " (decode %d / render %d MB + 10 %%), so one decodes at a time%n",
                maxHeap >> 20, memory.capacity() >> 20, width, height, width * (double) height / 1e6, png.length,
                need.total() >> 20, need.decodeStageBytes() >> 20, need.renderStageBytes() >> 20);
        System.out.println("load average before: " + loadAverage());
        AtomicInteger outOfMemory = new AtomicInteger();
        Path dir = Files.createTempDirectory("gallery-bench-png16");
        ObjectStorage storage = new LocalObjectStorage(dir);
        for (int i = 0; i < 2; i++) {
            runCounting(pipeline, storage, input, outOfMemory);
        }
        long[] sequential = new long[iterations];
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            sequential[i] = runCounting(pipeline, storage, input, outOfMemory);
        }
        report(String.format(Locale.ROOT, "16-bit PNG %dx%d sequential", width, height), sequential,
                iterations / ((System.nanoTime() - start) / 1e9));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Long>> futures = new ArrayList<>();
        start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            futures.add(pool.submit(() -> runCounting(pipeline, storage, input, outOfMemory)));
        }
        long[] concurrent = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            concurrent[i] = futures.get(i).get();
        }
        report(String.format(Locale.ROOT, "16-bit PNG %dx%d 2 concurrent", width, height), concurrent,
                iterations / ((System.nanoTime() - start) / 1e9));
        pool.shutdown();
        System.out.println("load average after: " + loadAverage());
        System.out.printf(Locale.ROOT, "16-bit PNG out of memory: %d of %d uploads (max heap %d MB)%n",
                outOfMemory.get(), 2 + 2 * iterations, maxHeap >> 20);
        if (outOfMemory.get() > 0) {
            System.exit(1);
        }
    }

    /** {@link #run}, counting an upload the pipeline answered 503 image-too-complex (its OutOfMemoryError net). */
    private static long runCounting(ImagePipeline pipeline, ObjectStorage storage, byte[] input, AtomicInteger outOfMemory) {
        try {
            return run(pipeline, storage, input);
        } catch (ProblemException e) {
            if ("image-too-complex".equals(e.slug())) {
                outOfMemory.incrementAndGet();
                return 0;
            }
            throw e;
        } catch (OutOfMemoryError e) {
            outOfMemory.incrementAndGet();
            return 0;
        }
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
