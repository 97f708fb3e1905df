package io.stipple.booking.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stipple.booking.ClientEventsFeeder;
import io.stipple.booking.TestClinic;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * The floor of issue 15: what the SQL of one booking create reaches when replayed directly over JDBC.
 *
 * <p>Capture: the bench profile starts the embedded PostgreSQL with its log in a JSON file
 * ({@code stipple.pg.extra-config}, see test-infra); {@link #capture} turns {@code log_statement=all} on (ALTER
 * SYSTEM + reload), sends one create over HTTP between two marker queries, turns it off again, and keeps every
 * connection checkout of the service that was bound to the clinic between the markers — from the pool's
 * {@code set_config} of the clinic to the one that clears it, with the transactions' BEGIN and COMMIT — in order.
 *
 * <p>Replay: each client thread opens one connection as the service's runtime role (Row-Level Security costs the
 * same) and sends the captured statements with their captured parameters, except that ids the create made (a UUID
 * first seen in an INSERT) are new each time, the technician, room and client are the iteration's, and every time
 * near the captured slot moves to the iteration's slot (picked like the HTTP part picks them), so no exclusion
 * constraint fires. The statements' results are read to the end, as the service reads them.
 */
final class CreateFloor {

    private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'((?:[^']|'')*)')");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\d+");
    /** A date-time as PostgreSQL ('2032-06-01 09:00:00+00') or JSON ('2032-06-01T09:00:00Z') writes it. */
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})([ T])(\\d{2}:\\d{2})");
    private static final String APPLY_PREFIX = "select set_config('stipple.clinic_id'";
    private static final int TECHNICIANS = 20;

    /** One statement as the server received it: SQL with $n placeholders and the values (null = SQL NULL). */
    record Captured(int checkout, String sql, List<String> params) {
        boolean is(String command) {
            return sql.trim().equalsIgnoreCase(command);
        }
    }

    private final TestClinic clinic;
    private final List<Captured> statements;
    private final Set<String> fresh;
    private final UUID capturedClient;
    private final UUID capturedTechnician;
    private final UUID capturedRoom;
    private final Instant capturedStart;
    private final ClientEventsFeeder feeder;

    private CreateFloor(TestClinic clinic, List<Captured> statements, UUID client, Instant start, ClientEventsFeeder feeder) {
        this.clinic = clinic;
        this.statements = statements;
        this.capturedClient = client;
        this.capturedTechnician = clinic.technicians.get(0);
        this.capturedRoom = clinic.rooms.get(0);
        this.capturedStart = start;
        this.feeder = feeder;
        this.fresh = freshIds(statements);
    }

    int statementCount() {
        return statements.size();
    }

    int transactionCount() {
        return (int) statements.stream().filter(s -> s.is("COMMIT")).count();
    }

    // --- capture ------------------------------------------------------------------------------------------------

    static CreateFloor capture(TestClinic c, URL base, HttpClient http, ClientEventsFeeder feeder, Path log) throws Exception {
        UUID client = feeder.registered(c.id);
        LocalDate date = LocalDate.of(2031, 6, 24); // within the 365 days bookable from NOW, after the HTTP part's days
        while (date.getDayOfWeek() == DayOfWeek.SUNDAY) date = date.plusDays(1);
        Instant start = date.atTime(10, 0).atZone(ZoneId.of(c.zone)).toInstant();
        String marker = UUID.randomUUID().toString();
        String bookingId;
        try (Connection owner = ownerConnection(); Statement s = owner.createStatement()) {
            s.execute("alter system set log_statement = 'all'");
            s.execute("select pg_reload_conf()");
            await().atMost(Duration.ofSeconds(30)).until(() -> "all".equals(show("log_statement")));
            try {
                s.execute("select 'capture-start " + marker + "'");
                String body = "{\"clientId\":\"" + client + "\",\"treatmentId\":\"" + c.consultation
                        + "\",\"technicianId\":\"" + c.technicians.get(0) + "\",\"roomId\":\"" + c.rooms.get(0)
                        + "\",\"startsAt\":\"" + start + "\"}";
                HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("/api/v1/bookings"))
                        .header("Authorization", "Bearer " + c.staff()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) throw new IllegalStateException("capture create failed: " + response.body());
                bookingId = new ObjectMapper().readTree(response.body()).path("id").asText();
                s.execute("select 'capture-end " + marker + "'");
            } finally {
                s.execute("alter system reset log_statement");
                s.execute("select pg_reload_conf()");
            }
        }
        String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        List<Captured> captured = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> parse(log, marker, user, c.id), list -> list != null);
        if (captured.stream().noneMatch(s -> s.params().contains(bookingId))) {
            throw new IllegalStateException("the captured statements do not insert booking " + bookingId + ": " + captured);
        }
        return new CreateFloor(c, captured, client, start, feeder);
    }

    private static String show(String setting) throws Exception {
        try (Connection owner = ownerConnection(); Statement s = owner.createStatement(); ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The clinic's checkouts between the markers, or null while the end marker has not reached the file. */
    private static List<Captured> parse(Path log, String marker, String user, UUID clinicId) throws IOException {
        if (!Files.exists(log)) return null;
        ObjectMapper json = new ObjectMapper();
        boolean inside = false, ended = false;
        Map<Integer, Integer> openCheckout = new HashMap<>(); // pid -> checkout number
        Map<Integer, Boolean> begun = new HashMap<>(); // pid -> a BEGIN not yet followed by another statement
        Map<Integer, List<Captured>> byCheckout = new LinkedHashMap<>();
        int checkouts = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode entry = json.readTree(line);
            String message = entry.path("message").asText("");
            if (message.contains("capture-start " + marker)) {
                inside = true;
                continue;
            }
            if (message.contains("capture-end " + marker)) {
                ended = true;
                break;
            }
            if (!inside || !user.equals(entry.path("user").asText())) continue;
            int colon = message.indexOf(": ");
            if (colon < 0 || !(message.startsWith("execute ") || message.startsWith("statement"))) continue;
            String sql = message.substring(colon + 2);
            List<String> params = parameters(entry.path("detail").asText(""));
            int pid = entry.path("pid").asInt();
            boolean apply = sql.startsWith(APPLY_PREFIX);
            Integer checkout = openCheckout.get(pid);
            if (checkout == null) {
                if (sql.trim().equalsIgnoreCase("BEGIN")) {
                    begun.put(pid, true); // JTA begins before the pool hands the connection out (and sets the clinic)
                    continue;
                }
                boolean inTransaction = begun.remove(pid) != null;
                if (!apply || params.isEmpty() || !clinicId.toString().equals(params.get(0))) continue; // not this clinic's
                checkout = ++checkouts;
                openCheckout.put(pid, checkout);
                if (inTransaction) byCheckout.computeIfAbsent(checkout, k -> new ArrayList<>()).add(new Captured(checkout, "BEGIN", List.of()));
            } else if (apply) {
                openCheckout.remove(pid); // the pool clears the clinic when the connection comes back
            }
            byCheckout.computeIfAbsent(checkout, k -> new ArrayList<>()).add(new Captured(checkout, sql, params));
        }
        if (!ended) return null;
        if (!openCheckout.isEmpty()) throw new IllegalStateException("a checkout was still open at the end marker: " + byCheckout);
        List<Captured> all = new ArrayList<>();
        byCheckout.values().forEach(all::addAll);
        if (all.isEmpty()) throw new IllegalStateException("no statement of clinic " + clinicId + " between the markers");
        return all;
    }

    private static List<String> parameters(String detail) {
        List<String> params = new ArrayList<>();
        if (!detail.startsWith("Parameters: ")) return params;
        Matcher m = PARAMETER.matcher(detail);
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            while (params.size() < index) params.add(null);
            params.set(index - 1, "NULL".equals(m.group(2)) ? null : m.group(3).replace("''", "'"));
        }
        return params;
    }

    /**
     * Ids the create made: the UUIDs in its INSERTs that are not the clinic's own (clinic, treatments, technicians,
     * rooms) or the client's — the booking id, the event id and the like.
     */
    private Set<String> freshIds(List<Captured> captured) {
        Set<String> references = new LinkedHashSet<>();
        references.add(clinic.id.toString());
        references.add(capturedClient.toString());
        for (UUID id : List.of(clinic.consultation, clinic.smp, clinic.topUp)) references.add(id.toString());
        clinic.technicians.forEach(id -> references.add(id.toString()));
        clinic.rooms.forEach(id -> references.add(id.toString()));
        Set<String> made = new LinkedHashSet<>();
        for (Captured s : captured) {
            if (!s.sql().trim().toLowerCase(java.util.Locale.ROOT).startsWith("insert")) continue;
            StringBuilder text = new StringBuilder(s.sql());
            s.params().forEach(p -> text.append(' ').append(p));
            Matcher m = UUIDS.matcher(text);
            while (m.find()) {
                if (!references.contains(m.group())) made.add(m.group());
            }
        }
        return made;
    }

    String describe() {
        StringBuilder out = new StringBuilder("# The SQL of one POST /api/v1/bookings, as PostgreSQL received it (log_statement=all),\n"
                + "# in order, one block per connection checkout. Values: {clinic} {client} {technician} {room} the references kept\n"
                + "# (the replay uses the iteration's technician, room and client), {new-n} ids the create made (new each replay),\n"
                + "# {slot+-Xmin} times relative to the booking's start (moved to each replay's slot). Other ids: references kept.\n");
        int checkout = 0;
        for (Captured s : statements) {
            if (s.checkout() != checkout) {
                checkout = s.checkout();
                out.append("\n-- checkout ").append(checkout).append('\n');
            }
            out.append(normalise(s.sql().replaceAll("\\s+", " ").trim())).append(';');
            for (int i = 0; i < s.params().size(); i++) {
                String p = s.params().get(i);
                out.append(i == 0 ? "   -- " : ", ").append('$').append(i + 1).append('=')
                        .append(p == null ? "NULL" : "'" + normalise(p) + "'");
            }
            out.append('\n');
        }
        out.append("\n").append(statements.size()).append(" statements, ").append(transactionCount()).append(" transactions\n");
        return out.toString();
    }

    private String normalise(String text) {
        List<String> ids = new ArrayList<>(fresh);
        String result = text.replace(clinic.id.toString(), "{clinic}").replace(capturedClient.toString(), "{client}")
                .replace(capturedTechnician.toString(), "{technician}").replace(capturedRoom.toString(), "{room}");
        for (int i = 0; i < ids.size(); i++) result = result.replace(ids.get(i), "{new-" + (i + 1) + "}");
        Matcher m = DATE_TIME.matcher(result);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Instant at = LocalDateTime.parse(m.group(1) + "T" + m.group(3)).toInstant(ZoneOffset.UTC);
            long minutes = Duration.between(capturedStart, at).toMinutes();
            m.appendReplacement(sb, Math.abs(minutes) <= 24 * 60 ? Matcher.quoteReplacement("{slot" + (minutes >= 0 ? "+" : "") + minutes + "min}")
                    : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    // --- replay -------------------------------------------------------------------------------------------------

    /**
     * Replays for {@code run} at {@code clients} concurrent connections; returns creates per second. Slots from
     * {@code 2030 + 2 * year} on, mirroring the HTTP part: 18 half-hours a day per technician, technicians split
     * between the clients, one client id per thread.
     */
    double replay(int clients, Duration run, int year) throws Exception {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getValue("quarkus.datasource.password", String.class);
        ZoneId zone = ZoneId.of(clinic.zone);
        LocalDate first = LocalDate.of(2030 + 2 * year, 1, 1);
        List<UUID> clientIds = new ArrayList<>();
        for (int k = 0; k < clients; k++) clientIds.add(feeder.registered(clinic.id));
        AtomicInteger ok = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + run.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < clients; k++) {
                int client = k;
                futures.add(pool.submit(() -> {
                    try (Connection conn = DriverManager.getConnection(url, user, password)) {
                        Map<String, PreparedStatement> prepared = new HashMap<>();
                        int n = 0;
                        while (System.nanoTime() < deadline) {
                            int slot = n % 18;
                            int tech = (client + clients * ((n / 18) % Math.max(1, TECHNICIANS / clients))) % TECHNICIANS;
                            long day = n / (18L * Math.max(1, TECHNICIANS / clients));
                            n++;
                            LocalDate date = first.plusDays(day);
                            if (date.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
                            Instant start = date.atTime(9, 0).atZone(zone).toInstant().plus(Duration.ofMinutes(30L * slot));
                            Map<String, String> ids = new HashMap<>();
                            for (String id : fresh) ids.put(id, UUID.randomUUID().toString());
                            ids.put(capturedClient.toString(), clientIds.get(client).toString());
                            ids.put(capturedTechnician.toString(), clinic.technicians.get(tech).toString());
                            ids.put(capturedRoom.toString(), clinic.rooms.get(tech).toString());
                            Duration shift = Duration.between(capturedStart, start);
                            try {
                                once(conn, prepared, ids, shift);
                                ok.incrementAndGet();
                            } catch (Exception e) {
                                if (!conn.getAutoCommit()) {
                                    conn.rollback();
                                    conn.setAutoCommit(true);
                                }
                                if (failures.incrementAndGet() < 5) System.err.println("replay failed: " + e);
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
        if (failures.get() > 0) System.err.println(failures.get() + " replays failed");
        return ok.get() / (double) run.toSeconds();
    }

    private void once(Connection conn, Map<String, PreparedStatement> prepared, Map<String, String> ids, Duration shift) throws Exception {
        for (Captured s : statements) {
            if (s.is("BEGIN")) {
                conn.setAutoCommit(false); // the driver sends BEGIN with the next statement, as it did for the service
                continue;
            }
            if (s.is("COMMIT") || s.is("ROLLBACK")) {
                if (s.is("COMMIT")) conn.commit();
                else conn.rollback();
                conn.setAutoCommit(true);
                continue;
            }
            String sql = substitute(s.sql(), ids, shift);
            PreparedStatement ps = prepared.get(sql);
            if (ps == null) {
                ps = conn.prepareStatement(PLACEHOLDER.matcher(sql).replaceAll("?"));
                prepared.put(sql, ps);
            }
            for (int i = 0; i < s.params().size(); i++) {
                String p = s.params().get(i);
                if (p == null) ps.setNull(i + 1, Types.OTHER);
                else ps.setObject(i + 1, substitute(p, ids, shift), Types.OTHER);
            }
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) rs.getObject(i);
                    }
                }
            }
        }
    }

    private String substitute(String text, Map<String, String> ids, Duration shift) {
        Matcher u = UUIDS.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (u.find()) u.appendReplacement(sb, ids.getOrDefault(u.group(), u.group()));
        u.appendTail(sb);
        Matcher t = DATE_TIME.matcher(sb);
        StringBuilder out = new StringBuilder();
        while (t.find()) {
            LocalDateTime at = LocalDateTime.parse(t.group(1) + "T" + t.group(3));
            if (Math.abs(Duration.between(capturedStart, at.toInstant(ZoneOffset.UTC)).toMinutes()) <= 24 * 60) {
                LocalDateTime moved = at.plus(shift);
                t.appendReplacement(out, moved.toLocalDate() + t.group(2) + moved.format(HH_MM));
            } else {
                t.appendReplacement(out, Matcher.quoteReplacement(t.group()));
            }
        }
        t.appendTail(out);
        return out.toString();
    }

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private static Connection ownerConnection() throws Exception {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
    }
}
