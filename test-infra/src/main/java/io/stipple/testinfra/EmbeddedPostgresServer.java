package io.stipple.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.postgresql.ds.PGSimpleDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries shipped in a Maven artifact, unpacked under
 * {@code ${java.io.tmpdir}/embedded-pg/}) running as a child process of this JVM. No JUnit, no Quarkus:
 * usable from tests and from a plain {@code main}.
 *
 * <p>Tuned for tests: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are off (a
 * crash of the machine can lose or corrupt data — fine for tests and a local stack, never for anything
 * else), {@code max_connections=300}. Authentication is {@code trust}: any password is accepted.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** System property with extra server settings, see {@link #extraConfig()}. */
    public static final String EXTRA_CONFIG = "stipple.pg.extra-config";
    private static final String USERNAME = "postgres";
    /** Ignored by the server ({@code trust} authentication), but Quarkus wants a password. */
    private static final String PASSWORD = "postgres";
    /** DEVELOPMENT ONLY: the runtime roles' password on the embedded server. */
    private static final String APP_PASSWORD = "stipple-dev-app";
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    /** SQLSTATE duplicate_database. */
    private static final String DUPLICATE_DATABASE = "42P04";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean temporary;
    private final int port;
    /** Non-null when this object is a view of a server owned by another class loader (see {@link StippleInfra}). */
    private final Map<String, Object> remote;
    private volatile boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, boolean temporary, int port,
            Map<String, Object> remote) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.port = port;
        this.remote = remote;
    }

    /**
     * Starts PostgreSQL.
     *
     * @param dataDir {@code null} for a fresh temporary data directory that {@link #close()} deletes; otherwise a
     *        persistent data directory: created and initialised ({@code initdb}) if it does not hold a cluster yet,
     *        reused as it is otherwise, never cleaned. Do not put it under {@code ${java.io.tmpdir}/embedded-pg/}:
     *        the library deletes stale directories there.
     * @param port 0 to pick a free port
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Invalid port " + port);
        }
        Support.quietLogging();
        boolean temporary = dataDir == null;
        Path dir;
        try {
            dir = temporary ? Files.createTempDirectory("stipple-pg-") : dataDir.toAbsolutePath();
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the PostgreSQL data directory", e);
        }
        int chosenPort = port == 0 ? Support.freePort() : port;
        EmbeddedPostgres pg = Support.withOwnContextClassLoader(() -> {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    // true: initdb every time and delete on close; false: initdb only if there is no cluster yet
                    .setCleanDataDirectory(temporary)
                    .setPort(chosenPort)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("jit", "off")
                    .setServerConfig("timezone", "UTC");
            extraConfig().forEach(builder::setServerConfig);
            return builder.start();
        });
        return new EmbeddedPostgresServer(pg, dir, temporary, chosenPort, null);
    }

    /**
     * Extra server settings from the system property {@value #EXTRA_CONFIG}: {@code name=value} pairs separated by
     * commas (a value cannot hold a comma), e.g. a benchmark's
     * {@code logging_collector=on,log_destination=jsonlog,log_directory=/abs/dir}. Unset (the default) adds nothing;
     * a pair names a setting the defaults above already set replaces it.
     */
    static Map<String, String> extraConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        String property = System.getProperty(EXTRA_CONFIG, "").trim();
        if (property.isEmpty()) {
            return config;
        }
        for (String pair : property.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(EXTRA_CONFIG + ": not name=value: '" + pair + "'");
            }
            config.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return config;
    }

    /**
     * Creates the database unless it exists already (idempotent, safe to call concurrently).
     *
     * @param name a plain SQL identifier: letters, digits and underscores, not starting with a digit
     */
    public void createDatabase(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        if (remote != null) {
            consumer("createDatabase").accept(name);
            return;
        }
        ensureOpen();
        synchronized (this) {
            try (Connection connection = dataSource("postgres").getConnection()) {
                try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, name);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            return;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE \"" + name + "\"");
                }
            } catch (SQLException e) {
                if (!DUPLICATE_DATABASE.equals(e.getSQLState())) { // else created concurrently elsewhere
                    throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
                }
            } finally {
                createAppRole(name);
            }
        }
    }

    /**
     * The database's runtime role, {@code <database>_app}: may log in and connect, owns nothing, is no superuser
     * and cannot bypass Row-Level Security. Migrations run as {@link #username()}, the owner; the platform's
     * {@code afterMigrate.sql} grants this role its DML. Created with the database.
     */
    public String appUsername(String database) {
        return database + "_app";
    }

    /** The runtime roles' password (development and tests only). */
    public String appPassword() {
        return APP_PASSWORD;
    }

    private void createAppRole(String database) {
        String role = appUsername(database);
        try (Connection connection = dataSource("postgres").getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN "
                    + "CREATE ROLE \"" + role + "\" LOGIN PASSWORD '" + APP_PASSWORD + "'"
                    + " NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT; "
                    + "EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            statement.execute("GRANT CONNECT ON DATABASE \"" + database + "\" TO \"" + role + "\"");
        } catch (SQLException e) {
            if (!"XX000".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create role " + role + ": " + e.getMessage(), e);
            }
            // "tuple concurrently updated" / unique violation: another JVM created the role at the same time
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/database}, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return port;
    }

    /** Stops the server; deletes the data directory if it was a temporary one. Idempotent. */
    @Override
    public void close() {
        if (remote != null) {
            ((Runnable) remote.get("close")).run();
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("[stipple-test-infra] stopping PostgreSQL failed: " + e);
        } finally {
            if (temporary) {
                Support.deleteRecursively(dataDir);
            }
        }
    }

    private PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(database);
        ds.setUser(USERNAME);
        ds.setPassword(PASSWORD);
        return ds;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("PostgreSQL on port " + port + " has been closed");
        }
    }

    // ---- sharing across class loaders (see StippleInfra) ------------------------------------------------

    /** A view of this server made only of JDK types, usable from a copy of this class in another class loader. */
    Map<String, Object> handle() {
        Map<String, Object> h = new HashMap<>();
        h.put("port", port);
        h.put("createDatabase", (Consumer<String>) this::createDatabase);
        h.put("close", (Runnable) this::close);
        return h;
    }

    static EmbeddedPostgresServer attach(Map<String, Object> handle) {
        return new EmbeddedPostgresServer(null, null, false, (Integer) handle.get("port"), handle);
    }

    @SuppressWarnings("unchecked")
    private Consumer<String> consumer(String key) {
        return (Consumer<String>) remote.get(key);
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[port=" + port + (dataDir != null ? ", dataDir=" + dataDir : "") + "]";
    }
}
