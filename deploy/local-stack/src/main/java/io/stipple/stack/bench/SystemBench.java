package io.stipple.stack.bench;

import io.stipple.stack.AotTraining;
import io.stipple.stack.LocalStack;
import io.stipple.stack.Service;
import io.stipple.testinfra.DevTokens;
import io.stipple.testinfra.EmbeddedPostgresServer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one benchmark table (run by {@code bench/run-all}): the services' own benchmarks, read from the files they
 * wrote, next to their targets and next to ceilings measured here in the same run — raw PostgreSQL single-row
 * INSERTs and primary-key SELECTs, and a trivial HTTP endpoint — plus each service's start-up time and resident
 * memory after a warm-up.
 *
 * <p>System properties: {@code stipple.root} (the repository), {@code bench.startup-only} (only start-up and memory),
 * {@code bench.port-offset} (added to the services' ports 8081-8084, default 2000), {@code bench.nmt} (also print
 * each service's Native Memory Tracking summary after the warm-up), {@code bench.seconds} (each rate's run).
 */
public final class SystemBench {

    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 5));

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("stipple.root", ".")).toAbsolutePath().normalize();
        PrintStream out = System.out;
        List<String[]> rows = new ArrayList<>();

        boolean startupOnly = Boolean.getBoolean("bench.startup-only");
        int feature = Runtime.version().feature();
        Path archive = root.resolve("client-service/target/quarkus-app").resolve(LocalStack.trainedArchiveName(feature));
        String jvm = "JDK " + feature + (feature >= 24 && Files.exists(archive) ? " + AOT cache" : " + AppCDS")
                + (AotTraining.trained(archive) ? " (trained)" : " (static init)");
        double insert1 = 0;
        double insert8 = 0;
        double select1 = 0;
        double select8 = 0;
        if (!startupOnly) {
            try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(null, 0)) {
                out.println("Ceilings: raw PostgreSQL ...");
                pg.createDatabase("ceiling");
                String url = pg.jdbcUrl("ceiling");
                try (Connection c = DriverManager.getConnection(url, pg.username(), pg.password()); Statement s = c.createStatement()) {
                    s.execute("create table ceiling (id uuid primary key, clinic_id uuid not null, starts_at timestamptz not null, payload text)");
                }
                insert1 = rate(1, () -> connection(pg, url), (c, n) -> insert(c));
                insert8 = rate(8, () -> connection(pg, url), (c, n) -> insert(c));
                select1 = rate(1, () -> connection(pg, url), (c, n) -> select(c));
                select8 = rate(8, () -> connection(pg, url), (c, n) -> select(c));
            }
        }

        Path data = Files.createTempDirectory("stipple-bench-");
        out.println("Starting the packaged services ...");
        Map<Service, Double> startSeconds = new EnumMap<>(Service.class);
        Map<Service, Double> quarkusSeconds = new EnumMap<>(Service.class);
        Map<Service, Long> rssMb = new EnumMap<>(Service.class);
        double http8;
        // services on 8081-8084 + bench.port-offset (default 2000): another stack on the machine (the local stack, a
        // journey run, a second bench) keeps its ports; PostgreSQL, Kafka and SMTP take free ports
        int portOffset = Integer.getInteger("bench.port-offset", 2000);
        // -Dbench.nmt=true: where each service's resident memory goes, from Native Memory Tracking after the warm-up
        // (the tracking itself costs the services a few MB, so RSS figures of such a run read a little high)
        boolean nmt = Boolean.getBoolean("bench.nmt");
        Map<Service, Map<String, String>> extraEnv = new EnumMap<>(Service.class);
        if (nmt) {
            for (Service s : Service.values()) {
                extraEnv.put(s, Map.of("JDK_JAVA_OPTIONS", "-XX:NativeMemoryTracking=summary"));
            }
        }
        Map<Service, String> memoryMaps = new EnumMap<>(Service.class);
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(root, data, portOffset, 0, 0, freePort(), extraEnv, out))) {
            UUID clinic = UUID.randomUUID();
            String token = DevTokens.token("bench-staff", clinic, "staff");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            for (Service s : Service.values()) {
                // start each again alone, so its start-up is not shared with the others'; the median of three starts
                List<Double> starts = new ArrayList<>();
                List<Double> reported = new ArrayList<>();
                for (int run = 0; run < 3; run++) {
                    stack.stopService(s, false);
                    long t0 = System.nanoTime();
                    stack.startService(s);
                    starts.add((System.nanoTime() - t0) / 1e9);
                    reported.add(quarkusStartedIn(stack.logFile(s)));
                }
                startSeconds.put(s, median(starts));
                quarkusSeconds.put(s, median(reported));
                String probe = stack.baseUrl(s) + warmUpPath(s);
                for (int i = 0; i < 2000; i++) {
                    http.send(HttpRequest.newBuilder(URI.create(probe)).header("Authorization", "Bearer " + token).build(),
                            HttpResponse.BodyHandlers.discarding());
                }
                rssMb.put(s, rssKb(stack.pid(s)) / 1024);
                if (nmt) {
                    memoryMaps.put(s, nativeMemory(stack.pid(s)));
                }
            }
            String live = stack.baseUrl(Service.CLIENT) + "/q/health/live";
            http8 = startupOnly ? 0 : rate(8, () -> http, (client, n) -> {
                try {
                    client.send(HttpRequest.newBuilder(URI.create(live)).build(), HttpResponse.BodyHandlers.discarding());
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            deleteTree(data);
        }

        if (!startupOnly) {
            rows.add(row("ceiling", "PostgreSQL single-row INSERT, 1 conn", fmt(insert1) + " /s", "", "", ""));
            rows.add(row("ceiling", "PostgreSQL single-row INSERT, 8 conns", fmt(insert8) + " /s", "", "", ""));
            rows.add(row("ceiling", "PostgreSQL PK SELECT, 1 conn", fmt(select1) + " /s", "", "", ""));
            rows.add(row("ceiling", "PostgreSQL PK SELECT, 8 conns", fmt(select8) + " /s", "", "", ""));
            rows.add(row("ceiling", "trivial HTTP GET /q/health/live, 8 clients", fmt(http8) + " /s", "", "", ""));

            bookingRows(root.resolve("booking-service/target/bench-results.txt"), rows, insert1, insert8, select1);
            notificationRows(root.resolve("notification-service/target/benchmark.txt"), rows, insert8);
            galleryRows(root.resolve("gallery-service/target/bench-output.txt"), rows);
        }

        for (Service s : Service.values()) {
            // the targets: under 1.5 s with JDK 25 and its AOT cache, under 2.5 s with JDK 17 and AppCDS
            double target = Runtime.version().feature() >= 24 ? 1.5 : 2.5;
            String targetText = String.format(Locale.ROOT, "< %.1f s", target);
            rows.add(row(s.artifact, "start-up to ready, " + jvm + " (launch → /q/health/ready, median of 3)",
                    String.format(Locale.ROOT, "%.2f s", startSeconds.get(s)), targetText, "", verdict(startSeconds.get(s) < target)));
            rows.add(row(s.artifact, "start-up as Quarkus reports it (\"started in\"), " + jvm,
                    quarkusSeconds.get(s) < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f s", quarkusSeconds.get(s)),
                    targetText, "", quarkusSeconds.get(s) < 0 ? "" : verdict(quarkusSeconds.get(s) < target)));
            rows.add(row(s.artifact, "resident memory after 2,000 requests, " + jvm, rssMb.get(s) + " MB", "< 200 MB", "",
                    verdict(rssMb.get(s) < 200)));
        }

        if (nmt) {
            out.println();
            out.println("Native Memory Tracking after the warm-up, committed MB per category (classes loaded):");
            memoryMaps.forEach((s, summary) -> out.printf("%-21s %s%n", s.artifact, summary));
        }

        out.println();
        out.printf(Locale.ROOT, "Stipple benchmarks — %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
        out.printf(Locale.ROOT, "%-20s %-80s %-16s %-12s %-16s %s%n", "area", "figure", "measured", "target", "vs ceiling", "");
        for (String[] r : rows) {
            out.printf(Locale.ROOT, "%-20s %-80s %-16s %-12s %-16s %s%n", (Object[]) r);
        }
    }

    // ------------------------------------------------------------------------------------------------ services' own

    private static void bookingRows(Path file, List<String[]> rows, double insert1, double insert8, double select1) throws IOException {
        if (!Files.exists(file)) {
            rows.add(row("booking-service", "benchmark results missing (" + file + ")", "", "", "", ""));
            return;
        }
        for (String line : Files.readAllLines(file)) {
            Matcher avail = Pattern.compile("^(\\d+)-day(?: window)?, (clinic-year|empty clinic)(.*?)\\s+([\\d.]+)\\s+([\\d.]+)\\s+\\d+$").matcher(line.trim());
            if (avail.matches()) {
                double p99 = Double.parseDouble(avail.group(5));
                String what = "availability " + avail.group(1) + " days, " + avail.group(2) + avail.group(3).replace(" (9942 bookings)", "").trim();
                rows.add(row("booking-service", what + " p50/p99", avail.group(4) + " / " + avail.group(5) + " ms", "p99 < 25 ms",
                        String.format(Locale.ROOT, "%.1fx a PK SELECT", p99 / (1000.0 / select1)), verdict(p99 < 25)));
            }
            Matcher create = Pattern.compile("^POST /api/v1/bookings, (\\d+) client\\(s\\)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)$").matcher(line.trim());
            if (create.matches()) {
                int clients = Integer.parseInt(create.group(1));
                double rate = Double.parseDouble(create.group(2));
                double ceiling = clients == 1 ? insert1 : insert8;
                rows.add(row("booking-service", "booking create, " + clients + " concurrent client(s)", fmt(rate) + " /s",
                        "≥ 0.5 x INSERT", String.format(Locale.ROOT, "%.3f x INSERT", rate / ceiling), verdict(rate / ceiling >= 0.5)));
            }
        }
    }

    private static void notificationRows(Path file, List<String[]> rows, double insert8) throws IOException {
        if (!Files.exists(file)) {
            rows.add(row("notification-service", "benchmark results missing (" + file + ")", "", "", "", ""));
            return;
        }
        Matcher m = Pattern.compile("drained (\\d+) due reminders.* = (\\d+) reminders/s").matcher(Files.readString(file));
        if (m.find()) {
            double rate = Double.parseDouble(m.group(2));
            rows.add(row("notification-service", "drain " + m.group(1) + " due reminders through SMTP", fmt(rate) + " /s",
                    "≥ 1,000 /s", String.format(Locale.ROOT, "%.3f x INSERT(8)", rate / insert8), verdict(rate >= 1000)));
        }
    }

    private static void galleryRows(Path file, List<String[]> rows) throws IOException {
        if (!Files.exists(file)) {
            rows.add(row("gallery-service", "benchmark results missing (" + file + ")", "", "", "", ""));
            return;
        }
        Pattern p = Pattern.compile("^(.+?)\\s+n=(\\d+)\\s+p50=(\\d+) ms\\s+p99=(\\d+) ms.*throughput=([\\d.]+) images/s");
        for (String line : Files.readAllLines(file)) {
            Matcher m = p.matcher(line.trim());
            if (m.find()) {
                long p99 = Long.parseLong(m.group(4));
                boolean sixteenBit = m.group(1).startsWith("16-bit");
                boolean sequential = m.group(1).startsWith("seq");
                rows.add(row("gallery-service", (sixteenBit ? "" : "12 MP JPEG upload pipeline, ") + m.group(1)
                                + (sixteenBit ? ", -Xmx256m" : "") + " p50/p99",
                        m.group(3) + " / " + m.group(4) + " ms", sequential ? "p99 < 1 s" : "(info)",
                        m.group(5) + " images/s", sequential ? verdict(p99 < 1000) : ""));
            }
            Matcher oom = Pattern.compile("^16-bit PNG out of memory: (\\d+) of (\\d+) uploads").matcher(line.trim());
            if (oom.find()) {
                rows.add(row("gallery-service", "16-bit PNG uploads out of memory (-Xmx256m)", oom.group(1) + " of " + oom.group(2),
                        "0", "", verdict("0".equals(oom.group(1)))));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    interface Work<C> {
        void run(C context, long n) throws Exception;
    }

    interface Factory<C> {
        C create() throws Exception;
    }

    /** Operations per second with {@code threads} workers, each with its own context, for {@link #RUN}. */
    static <C> double rate(int threads, Factory<C> factory, Work<C> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        LongAdder done = new LongAdder();
        long warmUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        long[] window = new long[2];
        try {
            List<Future<?>> futures = new ArrayList<>();
            long end = warmUntil + RUN.toNanos();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    C context = factory.create();
                    long n = 0;
                    while (System.nanoTime() < end) {
                        work.run(context, n++);
                        if (System.nanoTime() > warmUntil) {
                            done.increment();
                        }
                    }
                    if (context instanceof AutoCloseable closeable) {
                        closeable.close();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            window[0] = done.sum();
        } finally {
            pool.shutdownNow();
        }
        return window[0] / (double) RUN.toSeconds();
    }

    private static Connection connection(EmbeddedPostgresServer pg, String url) throws Exception {
        Connection c = DriverManager.getConnection(url, pg.username(), pg.password());
        c.setAutoCommit(true);
        return c;
    }

    private static final ThreadLocal<UUID> LAST = new ThreadLocal<>();

    private static void insert(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("insert into ceiling (id, clinic_id, starts_at, payload) values (?, ?, now(), ?)")) {
            UUID id = UUID.randomUUID();
            ps.setObject(1, id);
            ps.setObject(2, id);
            ps.setString(3, "x".repeat(200));
            ps.executeUpdate();
            LAST.set(id);
        }
    }

    private static void select(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select id, payload from ceiling where id = ?")) {
            UUID id = LAST.get();
            ps.setObject(1, id != null && ThreadLocalRandom.current().nextBoolean() ? id : UUID.randomUUID());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }

    private static String warmUpPath(Service s) {
        return switch (s) {
            case CLIENT -> "/api/v1/clients?size=20";
            case BOOKING -> "/api/v1/treatments?size=20";
            case NOTIFICATION -> "/api/v1/notifications?size=20";
            case GALLERY -> "/api/v1/gallery/public/sets?size=20";
        };
    }

    private static double quarkusStartedIn(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            Pattern p = Pattern.compile("started in ([\\d.]+)s");
            double last = -1;
            for (String line : lines) {
                Matcher m = p.matcher(line);
                if (m.find()) {
                    last = Double.parseDouble(m.group(1));
                }
            }
            return last;
        } catch (IOException e) {
            return -1;
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * The committed size of each NMT category of a running JVM ({@code jcmd <pid> VM.native_memory summary}), largest
     * first, e.g. {@code total 243, Java Heap 41, Class 58 (12,345 classes), ...}.
     */
    static String nativeMemory(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "VM.native_memory", "summary", "scale=KB").redirectErrorStream(true).start();
        String text = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        jcmd.waitFor();
        return summarise(text);
    }

    static String summarise(String nmtSummary) {
        Matcher total = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB").matcher(nmtSummary);
        if (!total.find()) {
            return "no NMT summary (" + nmtSummary.strip().lines().reduce((first, last) -> last).orElse("") + ")";
        }
        List<Map.Entry<String, Long>> categories = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)").matcher(nmtSummary);
        while (m.find()) {
            categories.add(Map.entry(m.group(1).trim(), Long.parseLong(m.group(2)) / 1024));
        }
        categories.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        Matcher classes = Pattern.compile("\\(classes #(\\d+)\\)").matcher(nmtSummary);
        String classCount = classes.find() ? " (" + classes.group(1) + " classes)" : "";
        StringBuilder line = new StringBuilder("total " + Long.parseLong(total.group(1)) / 1024);
        for (Map.Entry<String, Long> c : categories) {
            if (c.getValue() > 0) {
                line.append(", ").append(c.getKey()).append(' ').append(c.getValue())
                        .append("Class".equals(c.getKey()) ? classCount : "");
            }
        }
        return line.toString();
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String[] row(String area, String figure, String measured, String target, String ceiling, String verdict) {
        return new String[]{area, figure, measured, target, ceiling, verdict};
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "NOT MET";
    }

    private static String fmt(double rate) {
        return String.format(Locale.ROOT, "%,.0f", rate);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }

    private SystemBench() {
    }
}
