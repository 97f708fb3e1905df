package io.stipple.booking.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.stipple.booking.TestClinic;
import io.stipple.booking.domain.BookingStatus;
import io.stipple.booking.domain.TimeOff;
import io.stipple.booking.domain.TimeRange;
import io.stipple.platform.tenancy.Tenancy;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.stipple.testinfra.TestClock.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The busy-time query ({@link BookingRepository#busy}: one statement, window indexes, {@code = any} arrays) and the
 * time-off query without an {@code in} list ({@link TechnicianRepository#timeOffBetween}) against a simple reference:
 * every row of the clinic read plainly and filtered in Java by the rule they implement (takes time now, overlaps the
 * window, not the excepted booking, one of the asked resources) — on random bookings in every status, random windows
 * (boundaries touching included) and random subsets of technicians and rooms.
 */
@QuarkusTest
class BusyQueryTest {

    private static final Instant NOW = Instant.parse("2031-03-02T10:00:00Z");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BookingRepository bookings;

    @Inject
    TechnicianRepository technicians;

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    private record Row(UUID id, UUID technician, UUID room, Instant start, Instant end, String status, Instant holdUntil) {
        boolean takesTime(Instant now) {
            return switch (BookingStatus.valueOf(status)) {
                case CONFIRMED, CHECKED_IN, COMPLETED -> true;
                case HELD, PENDING_PAYMENT -> holdUntil.isAfter(now);
                default -> false;
            };
        }
    }

    @Test
    void busyTimesAndTimeOffMatchAPlainFilterOfEveryRow() throws Exception {
        CLOCK.set(NOW);
        TestClinic c = TestClinic.create("Europe/London", "00:00", "23:45");
        for (int i = c.rooms.size(); i < 4; i++) {
            c.rooms.add(UUID.fromString(c.as(c.admin()).body(Map.of("name", "Busy-query room " + i))
                    .post("/api/v1/clinics/" + c.id + "/rooms").then().statusCode(201).extract().path("id")));
        }
        for (int i = c.technicians.size(); i < 4; i++) {
            c.technicians.add(c.technician("Busy-query technician " + i, TestClinic.week("00:00", "23:45")));
        }
        Random random = new Random(11);
        Instant base = NOW.minus(Duration.ofDays(2));
        List<Row> rows = Tenancy.asClinic(c.id, () -> insert(c, random, base));
        assertThat(rows).hasSizeGreaterThan(150);
        assertThat(rows.stream().map(Row::status).distinct()).hasSize(BookingStatus.values().length);
        List<Map.Entry<UUID, TimeRange>> offs = Tenancy.asClinic(c.id, () -> insertTimeOff(c, random, base));

        for (int k = 0; k < 300; k++) {
            // quarter-hour boundaries, so windows often touch bookings exactly
            Instant from = base.plus(Duration.ofMinutes(15L * random.nextInt(4 * 24 * 5)));
            Instant to = from.plus(Duration.ofMinutes(15L * (1 + random.nextInt(k % 3 == 0 ? 4 * 24 * 3 : 16))));
            List<UUID> techs = subset(c.technicians, random);
            List<UUID> rooms = subset(c.rooms, random);
            UUID except = random.nextInt(4) == 0 ? rows.get(random.nextInt(rows.size())).id() : null;

            BookingRepository.Busy got = Tenancy.asClinic(c.id, () -> QuarkusTransaction.requiringNew()
                    .call(() -> bookings.busy(techs, rooms, from, to, except)));
            Map<UUID, List<TimeRange>> wantTechs = new HashMap<>();
            Map<UUID, List<TimeRange>> wantRooms = new HashMap<>();
            for (Row r : rows) {
                if (!r.takesTime(NOW) || !r.start().isBefore(to) || !r.end().isAfter(from) || r.id().equals(except)) continue;
                TimeRange range = new TimeRange(r.start(), r.end());
                if (techs.contains(r.technician())) wantTechs.computeIfAbsent(r.technician(), x -> new ArrayList<>()).add(range);
                if (rooms.contains(r.room())) wantRooms.computeIfAbsent(r.room(), x -> new ArrayList<>()).add(range);
            }
            assertThat(sorted(got.technicians())).as("technicians, window %s..%s", from, to).isEqualTo(sorted(wantTechs));
            assertThat(sorted(got.rooms())).as("rooms, window %s..%s", from, to).isEqualTo(sorted(wantRooms));
            if (techs.size() == 1) {
                Map<UUID, List<TimeRange>> single = Tenancy.asClinic(c.id, () -> QuarkusTransaction.requiringNew()
                        .call(() -> bookings.technicianBusy(techs, from, to, except)));
                assertThat(sorted(single)).isEqualTo(sorted(wantTechs));
            }

            if (!techs.isEmpty()) {
                List<String> gotOff = Tenancy.asClinic(c.id, () -> QuarkusTransaction.requiringNew()
                        .call(() -> technicians.timeOffBetween(c.id, techs, from, to).stream()
                                .map(TimeOff::range).map(r -> r.start() + "/" + r.end()).sorted().toList()));
                List<String> wantOff = offs.stream()
                        .filter(o -> techs.contains(o.getKey()) && o.getValue().start().isBefore(to) && o.getValue().end().isAfter(from))
                        .map(o -> o.getValue().start() + "/" + o.getValue().end()).sorted().toList();
                assertThat(gotOff).as("time off, window %s..%s", from, to).isEqualTo(wantOff);
            }
        }
    }

    private static List<UUID> subset(List<UUID> all, Random random) {
        List<UUID> out = new ArrayList<>();
        for (UUID id : all) if (random.nextInt(3) > 0) out.add(id);
        return out;
    }

    private static Map<UUID, List<String>> sorted(Map<UUID, List<TimeRange>> m) {
        Map<UUID, List<String>> out = new HashMap<>();
        m.forEach((k, v) -> {
            if (!v.isEmpty()) out.put(k, v.stream().sorted(Comparator.comparing(TimeRange::start))
                    .map(r -> r.start() + "/" + r.end()).toList());
        });
        return out;
    }

    /** Random bookings over five days; the exclusion constraints refuse overlapping live ones (skipped). */
    private List<Row> insert(TestClinic c, Random random, Instant base) {
        List<Row> rows = new ArrayList<>();
        BookingStatus[] statuses = BookingStatus.values();
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement("""
                insert into booking (id, clinic_id, client_id, kind, treatment_id, technician_id, room_id, starts_at, ends_at,
                    occupied_until, status, booked_by, created_at, updated_at, version, hold_expires_at)
                values (?, ?, ?, 'TOP_UP', ?, ?, ?, ?, ?, ?, ?, 'test', ?, ?, 0, ?)""")) {
            conn.setAutoCommit(true);
            for (int i = 0; i < 600; i++) {
                UUID id = UUID.randomUUID();
                UUID tech = c.technicians.get(random.nextInt(c.technicians.size()));
                UUID room = c.rooms.get(random.nextInt(c.rooms.size()));
                Instant start = base.plus(Duration.ofMinutes(15L * random.nextInt(4 * 24 * 5)));
                Instant end = start.plus(Duration.ofMinutes(15L * (1 + random.nextInt(16))));
                Instant occupied = end.plus(Duration.ofMinutes(15L * random.nextInt(3)));
                String status = statuses[random.nextInt(statuses.length)].name();
                Instant hold = NOW.plus(Duration.ofMinutes(random.nextInt(61) - 30)); // some run out, one exactly now
                ps.setObject(1, id);
                ps.setObject(2, c.id);
                ps.setObject(3, UUID.randomUUID());
                ps.setObject(4, c.topUp);
                ps.setObject(5, tech);
                ps.setObject(6, room);
                ps.setTimestamp(7, Timestamp.from(start));
                ps.setTimestamp(8, Timestamp.from(end));
                ps.setTimestamp(9, Timestamp.from(occupied));
                ps.setString(10, status);
                ps.setTimestamp(11, Timestamp.from(NOW));
                ps.setTimestamp(12, Timestamp.from(NOW));
                ps.setTimestamp(13, Timestamp.from(hold));
                try {
                    ps.executeUpdate();
                    rows.add(new Row(id, tech, room, start, occupied, status, hold));
                } catch (SQLException overlap) {
                    // 23P01: an exclusion constraint refused an overlapping live booking
                    assertThat(overlap.getSQLState()).isEqualTo("23P01");
                }
            }
            // the rows as PostgreSQL holds them (what the reference filters)
            try (PreparedStatement all = conn.prepareStatement("select count(*) from booking where clinic_id = ?")) {
                all.setObject(1, c.id);
                try (ResultSet rs = all.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(rows.size());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private List<Map.Entry<UUID, TimeRange>> insertTimeOff(TestClinic c, Random random, Instant base) {
        List<Map.Entry<UUID, TimeRange>> out = new ArrayList<>();
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement("""
                insert into technician_time_off (id, clinic_id, technician_id, starts_at, ends_at, reason, created_at)
                values (?, ?, ?, ?, ?, 'test', ?)""")) {
            conn.setAutoCommit(true);
            for (int i = 0; i < 40; i++) {
                UUID tech = c.technicians.get(random.nextInt(c.technicians.size()));
                Instant start = base.plus(Duration.ofMinutes(15L * random.nextInt(4 * 24 * 5)));
                Instant end = start.plus(Duration.ofMinutes(15L * (1 + random.nextInt(32))));
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, c.id);
                ps.setObject(3, tech);
                ps.setTimestamp(4, Timestamp.from(start));
                ps.setTimestamp(5, Timestamp.from(end));
                ps.setTimestamp(6, Timestamp.from(NOW));
                ps.executeUpdate();
                out.add(Map.entry(tech, new TimeRange(start, end)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
