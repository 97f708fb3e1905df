package io.stipple.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stipple.testinfra.EmbeddedPostgresServer;
import io.stipple.testinfra.EventContracts;
import io.stipple.testinfra.StippleInfra;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration V2 on a database that already holds client-service data from before issue 11: free-text partner ids
 * in consents become SUSPENDED registered partners, partner_sharing is filled from each client's latest
 * PARTNER_SHARING record, and surplus agreed plans (the old race) are cancelled — with the event — so the unique
 * index "one agreed or running plan per client" can exist.
 */
class MigrationV2IT {

    private static final UUID CLINIC_A = UUID.randomUUID();
    private static final UUID CLINIC_B = UUID.randomUUID();

    private final EmbeddedPostgresServer postgres = StippleInfra.get().postgres();
    private final String database = "client_v2_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private Flyway flyway(String target) {
        postgres.createDatabase(database);
        var config = Flyway.configure()
                .dataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password())
                .locations("classpath:db/platform", "classpath:db/migration")
                .placeholders(Map.of("stipple_app_role", postgres.appUsername(database)))
                .initSql("select set_config('stipple.all_clinics', 'on', false)")
                .outOfOrder(true);
        if (target != null) {
            config = config.target(target);
        }
        return config.load();
    }

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }

    @Test
    void existingConsentsAndPlansAreCarriedOverSafely() throws Exception {
        flyway("1").migrate();
        UUID c1 = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        UUID firstAgreed = UUID.randomUUID();
        UUID secondAgreed = UUID.randomUUID();
        Instant t = Instant.parse("2026-10-01T10:00:00Z");
        try (Connection db = owner()) {
            insertClient(db, c1, CLINIC_A);
            insertClient(db, c2, CLINIC_B);
            consent(db, c1, CLINIC_A, "acme-hair", "GRANTED", t);
            consent(db, c1, CLINIC_A, "acme-hair", "WITHDRAWN", t.plusSeconds(60));
            consent(db, c1, CLINIC_A, "beta.partner", "GRANTED", t.plusSeconds(120));
            consent(db, c1, CLINIC_A, "Free Text Partner", "GRANTED", t.plusSeconds(130));
            consent(db, c2, CLINIC_B, "acme-hair", "GRANTED", t.plusSeconds(180));
            plan(db, firstAgreed, c1, CLINIC_A, "AGREED", t.plusSeconds(200));
            plan(db, secondAgreed, c1, CLINIC_A, "AGREED", t.plusSeconds(300));
            plan(db, UUID.randomUUID(), c2, CLINIC_B, "AGREED", t.plusSeconds(300));
        }

        flyway(null).migrate();

        try (Connection db = owner()) {
            assertThat(rows(db, "select clinic_id || ' ' || partner_id || ' ' || name || ' ' || status from partner"))
                    .containsExactlyInAnyOrder(CLINIC_A + " acme-hair acme-hair SUSPENDED",
                            CLINIC_A + " beta.partner beta.partner SUSPENDED",
                            CLINIC_B + " acme-hair acme-hair SUSPENDED");
            assertThat(rows(db, "select clinic_id || ' ' || partner_id || ' ' || status from partner_registry"))
                    .containsExactlyInAnyOrder(CLINIC_A + " acme-hair SUSPENDED", CLINIC_A + " beta.partner SUSPENDED",
                            CLINIC_B + " acme-hair SUSPENDED");
            assertThat(rows(db, "select clinic_id || ' ' || client_id || ' ' || partner_id || ' ' || shared"
                    + " || ' ' || to_char(as_of at time zone 'UTC', 'HH24:MI:SS') from partner_sharing"))
                    .containsExactlyInAnyOrder(CLINIC_A + " " + c1 + " acme-hair false 10:01:00",
                            CLINIC_A + " " + c1 + " beta.partner true 10:02:00",
                            CLINIC_B + " " + c2 + " acme-hair true 10:03:00");

            assertThat(rows(db, "select id || ' ' || status from treatment_plan where client_id = '" + c1 + "'"))
                    .containsExactlyInAnyOrder(firstAgreed + " AGREED", secondAgreed + " CANCELLED");
            assertThat(rows(db, "select status from treatment_plan where client_id = '" + c2 + "'"))
                    .containsExactly("AGREED");
            List<String> payloads = rows(db, "select payload from outbox_event where message_key = '" + c1
                    + "' and event_type = 'io.stipple.TreatmentPlanCancelled' and clinic_id = '" + CLINIC_A + "'");
            assertThat(payloads).hasSize(1);
            EventContracts.forService("client-service").assertValid("TreatmentPlanCancelled", payloads.get(0));
            JsonNode data = new ObjectMapper().readTree(payloads.get(0)).path("data");
            assertThat(data.path("planId").asText()).isEqualTo(secondAgreed.toString());
            assertThat(data.path("clientId").asText()).isEqualTo(c1.toString());

            // from now on the database refuses a second agreed or running plan
            assertThatThrownBy(() -> plan(db, UUID.randomUUID(), c1, CLINIC_A, "IN_PROGRESS", t.plusSeconds(400)))
                    .hasMessageContaining("treatment_plan_one_active");
            // and the new table is under Row-Level Security like every clinic table
            assertThat(rows(db, "select relforcerowsecurity::text from pg_class where relname = 'partner'"))
                    .containsExactly("true");
        }
    }

    private static void insertClient(Connection db, UUID id, UUID clinic) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                insert into client (id, clinic_id, first_name, last_name, email, date_of_birth, sex, time_zone, locale,
                                    preferred_channels, marketing_opt_in, created_at, updated_at, version)
                values (?, ?, 'Legacy', 'Client', ?, date '1980-01-01', 'MALE', 'Europe/London', 'en-GB',
                        '{EMAIL}', false, now(), now(), 0)""")) {
            s.setObject(1, id);
            s.setObject(2, clinic);
            s.setString(3, id + "@example.com");
            s.executeUpdate();
        }
    }

    private static void consent(Connection db, UUID client, UUID clinic, String partner, String action, Instant at)
            throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                insert into consent_record (id, client_id, clinic_id, scope, partner_id, action, text_version,
                                            occurred_at, recorded_by, recorded_role)
                values (?, ?, ?, 'PARTNER_SHARING', ?, ?, 'share-1', ?, 'staff-legacy', 'staff')""")) {
            s.setObject(1, UUID.randomUUID());
            s.setObject(2, client);
            s.setObject(3, clinic);
            s.setString(4, partner);
            s.setString(5, action);
            s.setTimestamp(6, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    private static void plan(Connection db, UUID id, UUID client, UUID clinic, String status, Instant agreedAt)
            throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                insert into treatment_plan (id, client_id, clinic_id, treatment_type, planned_sessions,
                                            healing_interval_days, status, created_by, created_at, agreed_by,
                                            agreed_at, version)
                values (?, ?, ?, 'PERMANENT_SMP', 3, 7, ?, 'staff-legacy', ?, 'staff-legacy', ?, 1)""")) {
            s.setObject(1, id);
            s.setObject(2, client);
            s.setObject(3, clinic);
            s.setString(4, status);
            s.setTimestamp(5, Timestamp.from(agreedAt.minusSeconds(30)));
            s.setTimestamp(6, Timestamp.from(agreedAt));
            s.executeUpdate();
        }
    }

    private static List<String> rows(Connection db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (var s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) rows.add(rs.getString(1));
        }
        return rows;
    }
}
