package io.stipple.booking.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.booking.ClientEventsFeeder;
import io.stipple.booking.TestClinic;
import io.stipple.booking.repository.BookingRepository;
import io.stipple.booking.service.AvailabilityService;
import io.stipple.platform.tenancy.Tenancy;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.stipple.testinfra.TestClock.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test: the benchmark of issue #4, run with {@code ./mvnw -pl booking-service -Pbench verify}
 * ({@code -Dbench.searches=0} for the write part alone).
 *
 * <p>Seeds a clinic-year (20 technicians, 20 rooms, ~10,000 bookings across 2030, half before "now" =
 * 2030-07-01) in the embedded PostgreSQL, then measures over HTTP against the running service
 * <ul>
 *   <li>availability search latency (p50/p99) for 7-day and 31-day windows, with the same searches on an empty
 *       clinic beside them (the cost should follow the window, not the history);</li>
 *   <li>the series search (issue 13: the 3 sessions of a plan, 5 combinations) beside the single-session search of
 *       the same treatment;</li>
 *   <li>booking-create throughput at 1 and 8 concurrent clients;</li>
 *   <li>its floor (issue 15): the SQL of one create, captured from PostgreSQL's log, replayed over JDBC as the runtime
 *       role at the same concurrency ({@link CreateFloor}); the list goes to {@code target/bench-create-sql.txt};</li>
 *   <li>an extra: plain single-row autocommit INSERTs over JDBC at the same concurrency, in the same run.</li>
 * </ul>
 * Everything (load generator, service, PostgreSQL, Kafka) shares this machine, as the issue asks. The table is
 * printed and written to {@code target/bench-results.txt}.
 */
@QuarkusTest
class BookingBenchmark {

    private static final Instant NOW = Instant.parse("2030-07-01T06:00:00Z");
    private static final int TECHNICIANS = 20;
    private static final int SEARCHES = Integer.getInteger("bench.searches", 300);
    /**
     * Untimed searches before each timed series ({@code -Dbench.warmup}); 0 searches skips the search part (the
     * write part alone).
     */
    private static final int SEARCH_WARMUP = SEARCHES == 0 ? 0 : Integer.getInteger("bench.warmup", 1000);
    private static final Duration THROUGHPUT_RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 15));

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Inject
    AvailabilityService availability;

    @Inject
    ClientEventsFeeder feeder;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void reset() {
        CLOCK.reset();
    }

    @Test
    void benchmark() throws Exception {
        CLOCK.set(NOW);
        List<String> out = new ArrayList<>();
        TestClinic year = setUp();
        long seedStart = System.nanoTime();
        int seeded = seedYear(year);
        out.add(String.format(Locale.ROOT, "seeded clinic-year: %d technicians, %d bookings in %.1f s",
                TECHNICIANS, seeded, (System.nanoTime() - seedStart) / 1e9));

        if (Boolean.getBoolean("bench.plans")) plans(year);
        if (SEARCHES > 0) searches(out, year, seeded);
        writes(out, year);
        out.add("");
        out.add("PostgreSQL " + setting("server_version") + ": fsync=" + setting("fsync") + ", synchronous_commit="
                + setting("synchronous_commit") + ", shared_buffers=" + setting("shared_buffers")
                + "; machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + String.format(Locale.ROOT, "%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        String table = String.join("\n", out);
        System.out.println("\n===== booking-service benchmark =====\n" + table + "\n=====================================\n");
        Files.writeString(Path.of("target", "bench-results.txt"), table + "\n");
        assertThat(seeded).isGreaterThan(9_000);
    }

    /**
     * {@code -Dbench.plans=true}: EXPLAIN ANALYZE of the busy-time query ({@link BookingRepository#BUSY_SQL}) as the
     * runtime role on the clinic-year, for a 31-day search (20 technicians and 20 rooms) and for a create's check (one
     * technician), to {@code target/bench-plans.txt}. Each runs 8 times on one prepared statement, so the plan
     * PostgreSQL settles on (its generic plan after 5) is the last one printed.
     */
    private void plans(TestClinic c) {
        Instant from = LocalDate.of(2030, 8, 1).atStartOfDay(ZoneId.of(c.zone)).toInstant();
        List<String> text = new ArrayList<>();
        Tenancy.asClinic(c.id, () -> {
            try (Connection conn = dataSource.getConnection()) {
                explain(conn, text, "31-day search", c.technicians, c.rooms, from, from.plus(Duration.ofDays(31)));
                explain(conn, text, "create's technician check", c.technicians.subList(0, 1), List.of(), from.plus(Duration.ofHours(8)),
                        from.plus(Duration.ofHours(10)));
                Files.write(Path.of("target", "bench-plans.txt"), text);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    private static void explain(Connection conn, List<String> text, String what, List<UUID> technicians, List<UUID> rooms,
                                Instant from, Instant to) throws Exception {
        try (PreparedStatement ps = conn.prepareStatement("explain (analyze, buffers) " + BookingRepository.BUSY_SQL)) {
            for (int run = 1; run <= 8; run++) {
                ps.setArray(1, conn.createArrayOf("uuid", technicians.toArray()));
                ps.setArray(2, conn.createArrayOf("uuid", rooms.toArray()));
                ps.setTimestamp(3, Timestamp.from(NOW));
                ps.setTimestamp(4, Timestamp.from(from));
                ps.setTimestamp(5, Timestamp.from(to));
                ps.setTimestamp(6, Timestamp.from(from));
                ps.setTimestamp(7, Timestamp.from(to));
                ps.setObject(8, new UUID(0, 0));
                try (var rs = ps.executeQuery()) {
                    if (run == 1 || run == 8) text.add("---- " + what + ", run " + run);
                    while (rs.next()) if (run == 1 || run == 8) text.add(rs.getString(1));
                }
            }
        }
    }

    private void searches(List<String> out, TestClinic year, int seeded) throws Exception {
        TestClinic empty = setUp();
        out.add("");
        out.add(String.format(Locale.ROOT, "%-44s %10s %10s %10s", "availability (HTTP, 1 client)", "p50 ms", "p99 ms", "slots"));
        for (int days : new int[]{7, 31}) {
            double[] full = searchLatencies(year, days);
            double[] none = searchLatencies(empty, days);
            out.add(String.format(Locale.ROOT, "%-44s %10.2f %10.2f %10d", days + "-day window, clinic-year (" + seeded + " bookings)",
                    pct(full, 50), pct(full, 99), lastSlots));
            out.add(String.format(Locale.ROOT, "%-44s %10.2f %10.2f %10d", days + "-day window, empty clinic", pct(none, 50),
                    pct(none, 99), lastSlots));
            double[] inProcess = serviceLatencies(year, days);
            out.add(String.format(Locale.ROOT, "%-44s %10.2f %10.2f %10d   %,d KB allocated per search", days + "-day, clinic-year, service call (no HTTP)",
                    pct(inProcess, 50), pct(inProcess, 99), lastSlots, lastAllocatedBytes / 1024));
        }

        // the whole plan at once (issue 13): a 3-session series of 2-hour SMP sessions 7 days apart, beside the
        // single-session search of the same treatment over the series' first window
        double[] single = smpSearchLatencies(year, 31);
        out.add(String.format(Locale.ROOT, "%-44s %10.2f %10.2f %10d", "SMP session, 31-day window, clinic-year",
                pct(single, 50), pct(single, 99), lastSlots));
        double[] series = seriesLatencies(year);
        out.add(String.format(Locale.ROOT, "%-44s %10.2f %10.2f %10d", "3-session series (5 combinations), clinic-year",
                pct(series, 50), pct(series, 99), lastSlots));
    }

    /**
     * Creates over HTTP beside their floor: the SQL one create sends, captured from the server's statement log and
     * replayed over JDBC as the runtime role at the same concurrency (see {@link CreateFloor}); the single-row INSERT
     * ceiling stays as an extra.
     */
    private void writes(List<String> out, TestClinic year) throws Exception {
        out.add("");
        out.add(String.format(Locale.ROOT, "%-44s %10s %10s %7s %10s", "writes for " + THROUGHPUT_RUN.toSeconds() + " s each",
                "creates/s", "floor/s", "ratio", "INSERT/s"));
        prepareCeilingTable();
        createThroughput(year, 2, 150, Duration.ofSeconds(5)); // warm-up, not counted
        double[] creates = new double[2], ceilings = new double[2];
        int[] concurrency = {1, 8};
        long day = 0;
        for (int i = 0; i < concurrency.length; i++) {
            ceilings[i] = insertCeiling(concurrency[i]);
            creates[i] = createThroughput(year, concurrency[i], day, THROUGHPUT_RUN);
            day += 30;
        }
        dropCeilingTable();

        CreateFloor floor = CreateFloor.capture(year, base, http, feeder, Path.of("target", "pg-log", "postgresql.json"));
        Files.writeString(Path.of("target", "bench-create-sql.txt"), floor.describe());
        for (int i = 0; i < concurrency.length; i++) {
            double replayed = floor.replay(concurrency[i], THROUGHPUT_RUN, 3 + i);
            out.add(String.format(Locale.ROOT, "%-44s %10.1f %10.1f %7.2f %10.1f", "POST /api/v1/bookings, " + concurrency[i]
                    + " client(s)", creates[i], replayed, creates[i] / replayed, ceilings[i]));
        }
        out.add("target: creates/s >= 0.5 x floor/s. floor = the " + floor.statementCount() + " statements (" + floor.transactionCount()
                + (floor.transactionCount() == 1 ? " transaction" : " transactions") + ") of one create replayed over JDBC as the runtime role, fresh ids and slots each time;");
        out.add("INSERT/s = single-row autocommit INSERTs (owner role, own table), an extra. Statements: target/bench-create-sql.txt");
    }

    // --- set-up ----------------------------------------------------------------------------------------------

    private TestClinic setUp() {
        TestClinic c = TestClinic.create("Europe/London", "09:00", "18:00");
        for (int i = 3; i <= TECHNICIANS; i++) {
            c.rooms.add(UUID.fromString(c.as(c.admin()).body(java.util.Map.of("name", "Room " + i))
                    .post("/api/v1/clinics/" + c.id + "/rooms").then().statusCode(201).extract().path("id")));
        }
        for (int i = c.technicians.size(); i < TECHNICIANS; i++) {
            c.technicians.add(c.technician("Technician " + i, TestClinic.week("09:00", "18:00")));
        }
        return c;
    }

    /** 2030, Monday to Saturday, 09:00 and 13:00 SMP sessions (2 h + 30 min) per technician, ~80% booked. */
    private int seedYear(TestClinic c) {
        // straight JDBC outside a request: the clinic is bound for the connection (Row-Level Security)
        return Tenancy.asClinic(c.id, () -> {
            try {
                return insertYear(c);
            } catch (Exception e) {
                throw new IllegalStateException("seeding failed", e);
            }
        });
    }

    private int insertYear(TestClinic c) throws Exception {
        Random random = new Random(42);
        ZoneId zone = ZoneId.of(c.zone);
        int count = 0;
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement("""
                    insert into booking (id, clinic_id, client_id, kind, treatment_id, technician_id, room_id, starts_at, ends_at,
                        occupied_until, status, booked_by, created_at, updated_at, version, completed_at)
                    values (?, ?, ?, 'TOP_UP', ?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?, 0, ?)""")) {
                for (LocalDate d = LocalDate.of(2030, 1, 1); d.getYear() == 2030; d = d.plusDays(1)) {
                    if (d.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
                    for (int t = 0; t < TECHNICIANS; t++) {
                        for (LocalTime at : new LocalTime[]{LocalTime.of(9, 0), LocalTime.of(13, 0)}) {
                            if (random.nextInt(100) >= 80) continue;
                            Instant start = d.atTime(at).atZone(zone).toInstant();
                            Instant end = start.plus(Duration.ofHours(2));
                            boolean past = start.isBefore(NOW);
                            ps.setObject(1, UUID.randomUUID());
                            ps.setObject(2, c.id);
                            ps.setObject(3, UUID.randomUUID());
                            ps.setObject(4, c.topUp);
                            ps.setObject(5, c.technicians.get(t));
                            ps.setObject(6, c.rooms.get(t % c.rooms.size()));
                            ps.setTimestamp(7, Timestamp.from(start));
                            ps.setTimestamp(8, Timestamp.from(end));
                            ps.setTimestamp(9, Timestamp.from(end.plus(Duration.ofMinutes(30))));
                            ps.setString(10, past ? "COMPLETED" : "CONFIRMED");
                            ps.setTimestamp(11, Timestamp.from(NOW));
                            ps.setTimestamp(12, Timestamp.from(NOW));
                            ps.setTimestamp(13, past ? Timestamp.from(end) : null);
                            ps.addBatch();
                            if (++count % 1000 == 0) ps.executeBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
            conn.commit();
        }
        try (Connection owner = ownerConnection(); Statement s = owner.createStatement()) {
            s.execute("analyze booking"); // only the owner may
        }
        return count;
    }

    // --- availability -------------------------------------------------------------------------------------------

    private int lastSlots;
    private long lastAllocatedBytes;

    private double[] searchLatencies(TestClinic c, int days) throws Exception {
        String token = c.staff();
        UUID client = feeder.registered(c.id);
        Random random = new Random(7);
        double[] ms = new double[SEARCHES];
        for (int i = -SEARCH_WARMUP; i < SEARCHES; i++) {
            LocalDate from = LocalDate.of(2030, 7, 2).plusDays(random.nextInt(120));
            URI uri = base.toURI().resolve("/api/v1/availability?treatmentId=" + c.consultation + "&clientId=" + client
                    + "&from=" + from + "&to=" + from.plusDays(days - 1));
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
            long t0 = System.nanoTime();
            int slots = countIn(http.send(request, HttpResponse.BodyHandlers.ofInputStream()), SLOT_FIELD);
            long t1 = System.nanoTime();
            if (i >= 0) ms[i] = (t1 - t0) / 1e6;
            lastSlots = slots;
        }
        Arrays.sort(ms);
        return ms;
    }

    /** Single-session searches for a plan client's SMP session (2 h + 30 min clean-up), over HTTP. */
    private double[] smpSearchLatencies(TestClinic c, int days) throws Exception {
        UUID client = UUID.randomUUID();
        feeder.eligibleWithPlan(c.id, client, "PERMANENT_SMP", "3", 3, 7);
        return timed(c, from -> "/api/v1/availability?treatmentId=" + c.smp + "&clientId=" + client
                + "&from=" + from + "&to=" + from.plusDays(days - 1), SLOT_FIELD);
    }

    /** Series searches over HTTP: the 3 sessions of a plan client's agreed plan, 5 combinations from each first day. */
    private double[] seriesLatencies(TestClinic c) throws Exception {
        UUID client = UUID.randomUUID();
        feeder.eligibleWithPlan(c.id, client, "PERMANENT_SMP", "3", 3, 7);
        return timed(c, from -> "/api/v1/availability/series?treatmentId=" + c.smp + "&clientId=" + client
                + "&from=" + from + "&sessions=3&limit=5", "\"sameTechnician\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private double[] timed(TestClinic c, java.util.function.Function<LocalDate, String> path, byte[] counted) throws Exception {
        String token = c.staff();
        Random random = new Random(7);
        double[] ms = new double[SEARCHES];
        for (int i = -SEARCH_WARMUP; i < SEARCHES; i++) {
            LocalDate from = LocalDate.of(2030, 7, 2).plusDays(random.nextInt(120));
            HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve(path.apply(from)))
                    .header("Authorization", "Bearer " + token).GET().build();
            long t0 = System.nanoTime();
            int found = countIn(http.send(request, HttpResponse.BodyHandlers.ofInputStream()), counted);
            long t1 = System.nanoTime();
            if (i >= 0) ms[i] = (t1 - t0) / 1e6;
            lastSlots = found;
        }
        Arrays.sort(ms);
        return ms;
    }

    /** The same searches through the service bean: the algorithm and its SQL without HTTP, JWT and JSON. */
    private double[] serviceLatencies(TestClinic c, int days) {
        UUID client = feeder.registered(c.id);
        Random random = new Random(7);
        double[] ms = new double[SEARCHES];
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long allocated = 0;
        for (int i = -SEARCH_WARMUP; i < SEARCHES; i++) {
            LocalDate from = LocalDate.of(2030, 7, 2).plusDays(random.nextInt(120));
            if (i == 0) allocated = threads.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            // no request: the clinic is bound for the service call (Row-Level Security)
            var result = Tenancy.asClinic(c.id, () -> availability.search(c.id, c.consultation, client, from,
                    from.plusDays(days - 1), null));
            long t1 = System.nanoTime();
            if (i >= 0) ms[i] = (t1 - t0) / 1e6;
            lastSlots = result.starts().size();
        }
        // the search runs on this thread: what it allocates (the JVM's per-thread counter), averaged
        lastAllocatedBytes = (threads.getCurrentThreadAllocatedBytes() - allocated) / Math.max(1, SEARCHES);
        Arrays.sort(ms);
        return ms;
    }

    private String setting(String name) throws Exception {
        try (Connection conn = dataSource.getConnection(); Statement s = conn.createStatement();
             var rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static final byte[] SLOT_FIELD = "\"technicianIds\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final byte[] readBuffer = new byte[64 * 1024];

    /**
     * Reads the whole answer, counting a field name in it as the bytes arrive, in one reused buffer: the load
     * generator shares the service's JVM and heap, so it should not add a copy of every answer as a String to the
     * collections it measures (it was a third of the JVM's allocation).
     */
    private int countIn(HttpResponse<java.io.InputStream> response, byte[] pattern) throws java.io.IOException {
        try (java.io.InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + new String(in.readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            int matched = 0;
            int count = 0;
            for (int n = in.read(readBuffer); n >= 0; n = in.read(readBuffer)) {
                for (int k = 0; k < n; k++) {
                    byte b = readBuffer[k];
                    // the patterns start with a quote and have no other repeated prefix: on a mismatch, a quote
                    // starts a new match
                    matched = b == pattern[matched] ? matched + 1 : (b == pattern[0] ? 1 : 0);
                    if (matched == pattern.length) {
                        count++;
                        matched = 0;
                    }
                }
            }
            return count;
        }
    }

    private static double pct(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // --- writes -------------------------------------------------------------------------------------------------

    /** Consultations from 2031-01-01 (after the seeded year), each client its own technicians and rooms. */
    private double createThroughput(TestClinic c, int clients, long dayOffset, Duration run) throws Exception {
        String token = c.staff();
        AtomicInteger ok = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + run.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < clients; k++) {
                int client = k;
                UUID clientId = feeder.registered(c.id);
                futures.add(pool.submit(() -> {
                    int n = 0;
                    while (System.nanoTime() < deadline) {
                        // 36 half-hour consultations a day per technician; technicians split between clients
                        int slot = n % 18;
                        int techIndex = (client + clients * ((n / 18) % Math.max(1, TECHNICIANS / clients))) % TECHNICIANS;
                        long day = dayOffset + n / (18L * Math.max(1, TECHNICIANS / clients));
                        n++;
                        LocalDate date = LocalDate.of(2031, 1, 1).plusDays(day);
                        if (date.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
                        Instant start = date.atTime(9, 0).atZone(ZoneId.of(c.zone)).toInstant().plus(Duration.ofMinutes(30L * slot));
                        String body = "{\"clientId\":\"" + clientId + "\",\"treatmentId\":\"" + c.consultation
                                + "\",\"technicianId\":\"" + c.technicians.get(techIndex) + "\",\"roomId\":\"" + c.rooms.get(techIndex)
                                + "\",\"startsAt\":\"" + start + "\"}";
                        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("/api/v1/bookings"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 201) ok.incrementAndGet();
                        else if (failures.incrementAndGet() < 5) System.err.println("create failed: " + response.body());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }
        if (failures.get() > 0) System.err.println(failures.get() + " creates failed");
        return ok.get() / (double) run.toSeconds();
    }

    /**
     * The ceiling's own table belongs to the schema owner (the runtime role may create nothing): its connections
     * are the owner's, opened like the service's, straight to the same database.
     */
    private static Connection ownerConnection() throws Exception {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
    }

    private void prepareCeilingTable() throws Exception {
        try (Connection conn = ownerConnection(); Statement s = conn.createStatement()) {
            s.execute("create table if not exists bench_insert_ceiling (id uuid primary key, clinic_id uuid not null, "
                    + "starts_at timestamptz not null, note varchar(200))");
        }
    }

    private void dropCeilingTable() throws Exception {
        try (Connection conn = ownerConnection(); Statement s = conn.createStatement()) {
            s.execute("drop table if exists bench_insert_ceiling");
        }
    }

    /** Plain single-row INSERTs, one transaction (autocommit) each, over JDBC from this JVM. */
    private double insertCeiling(int clients) throws Exception {
        AtomicInteger ok = new AtomicInteger();
        long deadline = System.nanoTime() + THROUGHPUT_RUN.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < clients; k++) {
                futures.add(pool.submit(() -> {
                    try (Connection conn = ownerConnection()) {
                        conn.setAutoCommit(true);
                        try (PreparedStatement ps = conn.prepareStatement(
                                "insert into bench_insert_ceiling (id, clinic_id, starts_at, note) values (?, ?, ?, ?)")) {
                            UUID clinic = UUID.randomUUID();
                            while (System.nanoTime() < deadline) {
                                ps.setObject(1, UUID.randomUUID());
                                ps.setObject(2, clinic);
                                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                                ps.setString(4, "ceiling");
                                ps.executeUpdate();
                                ok.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }
        return ok.get() / (double) THROUGHPUT_RUN.toSeconds();
    }
}
