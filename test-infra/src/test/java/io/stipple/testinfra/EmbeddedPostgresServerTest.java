package io.stipple.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void startsCreatesDatabasesIdempotentlyAndRunsQueries() throws Exception {
        long t0 = System.nanoTime();
        int port;
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(null, 0)) {
            System.err.printf("[timing] PostgreSQL (temporary dir) started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            port = pg.port();
            assertThat(port).isPositive();
            pg.createDatabase("stipple_alpha");
            pg.createDatabase("stipple_alpha"); // idempotent
            assertThat(pg.jdbcUrl("stipple_alpha")).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/stipple_alpha");

            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("stipple_alpha"), pg.username(), pg.password());
                    Statement s = c.createStatement()) {
                assertThat(scalar(s, "SELECT current_database()")).isEqualTo("stipple_alpha");
                assertThat(scalar(s, "SHOW max_connections")).isEqualTo("300");
                assertThat(scalar(s, "SHOW fsync")).isEqualTo("off");
                assertThat(scalar(s, "SHOW synchronous_commit")).isEqualTo("off");
                assertThat(scalar(s, "SHOW full_page_writes")).isEqualTo("off");
                assertThat(scalar(s, "SHOW server_version")).startsWith("18.");
                s.execute("CREATE TABLE t (id int PRIMARY KEY, name text)");
                s.execute("INSERT INTO t VALUES (1, 'one')");
                assertThat(scalar(s, "SELECT name FROM t WHERE id = 1")).isEqualTo("one");
            }
            assertThatThrownBy(() -> pg.createDatabase("bad-name; DROP")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Support.isPortFree(port)).as("port released after close").isTrue();
    }

    @Test
    void extraSettingsFromTheSystemPropertyReachTheServerAndAStatementLogCanBeReadFromAFile(@TempDir Path tmp) throws Exception {
        Path logDir = tmp.resolve("pg-log");
        System.setProperty(EmbeddedPostgresServer.EXTRA_CONFIG, "logging_collector=on, log_destination=jsonlog,log_directory="
                + logDir + ",log_filename=postgresql.log,work_mem=7MB");
        EmbeddedPostgresServer pg;
        try {
            pg = EmbeddedPostgresServer.start(null, 0);
        } finally {
            System.clearProperty(EmbeddedPostgresServer.EXTRA_CONFIG);
        }
        try (pg; Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.username(), pg.password());
                Statement s = c.createStatement()) {
            assertThat(scalar(s, "SHOW work_mem")).isEqualTo("7MB");
            assertThat(scalar(s, "SHOW fsync")).isEqualTo("off"); // the defaults stay
            s.execute("SET log_statement = 'all'");
            s.execute("SELECT 'logged-marker-42'");
            Path json = logDir.resolve("postgresql.json");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(json).exists().content().contains("logged-marker-42"));
        }
    }

    @Test
    void withoutTheSystemPropertyNoExtraSettingIsAdded() {
        assertThat(System.getProperty(EmbeddedPostgresServer.EXTRA_CONFIG)).isNull();
        assertThat(EmbeddedPostgresServer.extraConfig()).isEmpty();
    }

    @Test
    void aPairWithoutAnEqualsSignIsRefused() {
        System.setProperty(EmbeddedPostgresServer.EXTRA_CONFIG, "log_statement=all,oops");
        try {
            assertThatThrownBy(EmbeddedPostgresServer::extraConfig).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("oops");
        } finally {
            System.clearProperty(EmbeddedPostgresServer.EXTRA_CONFIG);
        }
    }

    @Test
    void persistentDataDirectoryIsReusedAcrossRuns(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("pgdata");
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dataDir, 0)) {
            pg.createDatabase("kept");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("kept"), pg.username(), pg.password());
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE survivor (v text)");
                s.execute("INSERT INTO survivor VALUES ('still here')");
            }
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();

        long t0 = System.nanoTime();
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dataDir, 0)) {
            System.err.printf("[timing] PostgreSQL (existing persistent dir) started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            pg.createDatabase("kept"); // exists already: no error
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("kept"), pg.username(), pg.password());
                    Statement s = c.createStatement()) {
                assertThat(scalar(s, "SELECT v FROM survivor")).isEqualTo("still here");
            }
        }
        assertThat(Files.isDirectory(dataDir)).as("persistent directory is never deleted").isTrue();
        assertThat(dataDir.resolve("PG_VERSION")).exists();
    }

    private static String scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
