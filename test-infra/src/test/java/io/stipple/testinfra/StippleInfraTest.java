package io.stipple.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class StippleInfraTest {

    @Test
    void singletonServesTheTestResource() throws Exception {
        long t0 = System.nanoTime();
        StippleInfra infra = StippleInfra.get();
        System.err.printf("[timing] StippleInfra (PostgreSQL + Kafka in parallel) ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertThat(StippleInfra.get()).isSameAs(infra);

        StippleInfraTestResource resource = new StippleInfraTestResource();
        resource.init(Map.of("database", "client", "topics", "stipple.clients, stipple.clients.dlq", "partitions", "2"));
        Map<String, String> config = resource.start();
        assertThat(config).containsOnlyKeys("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                "quarkus.datasource.password", "quarkus.flyway.username", "quarkus.flyway.password",
                "kafka.bootstrap.servers");
        // the service runs as a role that owns nothing and is subject to Row-Level Security; Flyway runs as the owner
        assertThat(config.get("quarkus.datasource.username")).isEqualTo("client_app")
                .isNotEqualTo(config.get("quarkus.flyway.username"));
        assertThat(config.get("kafka.bootstrap.servers")).isEqualTo(infra.kafka().bootstrapServers());
        assertThat(config.get("quarkus.datasource.jdbc.url")).isEqualTo(infra.postgres().jdbcUrl("client"));

        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("client");
            try (ResultSet role = s.executeQuery("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
                assertThat(role.next()).isTrue();
                assertThat(role.getBoolean(1)).as("superuser").isFalse();
                assertThat(role.getBoolean(2)).as("bypasses RLS").isFalse();
            }
        }
        TopicProbe.send(config.get("kafka.bootstrap.servers"), "stipple.clients.dlq", "k", "poison", Map.of("attempt", "3"));
        try (TopicProbe probe = new TopicProbe(config.get("kafka.bootstrap.servers"), "stipple.clients.dlq")) {
            List<ConsumerRecord<String, String>> records = probe.awaitRecords(r -> "poison".equals(r.value()), 1, Duration.ofSeconds(30));
            assertThat(records.get(0).partition()).isBetween(0, 1);
        }
        resource.stop(); // leaves the servers running
        assertThat(infra.kafka().isRunning()).isTrue();

        // a second service's resource in the same JVM reuses the same servers
        StippleInfraTestResource second = new StippleInfraTestResource();
        second.init(Map.of("database", "booking"));
        assertThat(second.start().get("kafka.bootstrap.servers")).isEqualTo(infra.kafka().bootstrapServers());

        StippleInfraTestResource missing = new StippleInfraTestResource();
        assertThatThrownBy(() -> missing.init(Map.of())).hasMessageContaining("database");
    }

    /**
     * Quarkus loads test classes and this library in its own (closable) class loaders. A copy of StippleInfra in
     * such a loader must hand out views of the one infrastructure owned by the system class loader's copy.
     */
    @Test
    void copiesInOtherClassLoadersShareTheSystemClassLoadersInfrastructure() throws Exception {
        StippleInfra owner = StippleInfra.get();
        assertThat(StippleInfra.class.getClassLoader()).isSameAs(ClassLoader.getSystemClassLoader());

        URL classes = StippleInfra.class.getProtectionDomain().getCodeSource().getLocation();
        try (ChildFirstLoader loader = new ChildFirstLoader(classes)) {
            Class<?> copy = loader.loadClass(StippleInfra.class.getName());
            assertThat(copy).isNotSameAs(StippleInfra.class);
            Object view = copy.getMethod("get").invoke(null);
            Object postgres = copy.getMethod("postgres").invoke(view);
            Object kafka = copy.getMethod("kafka").invoke(view);
            assertThat(postgres.getClass().getClassLoader()).isSameAs(loader);

            assertThat(postgres.getClass().getMethod("port").invoke(postgres)).isEqualTo(owner.postgres().port());
            assertThat(kafka.getClass().getMethod("bootstrapServers").invoke(kafka)).isEqualTo(owner.kafka().bootstrapServers());
            assertThat(kafka.getClass().getMethod("isRunning").invoke(kafka)).isEqualTo(true);

            postgres.getClass().getMethod("createDatabase", String.class).invoke(postgres, "via_other_loader");
            try (Connection c = DriverManager.getConnection(owner.postgres().jdbcUrl("via_other_loader"),
                    owner.postgres().username(), owner.postgres().password())) {
                assertThat(c.isValid(5)).isTrue();
            }
            kafka.getClass().getMethod("createTopics", java.util.Collection.class, int.class)
                    .invoke(kafka, List.of("created.via.other.loader"), 1);
        }
    }

    /** Loads io.stipple.testinfra.* from the given location itself, everything else from the system class loader. */
    private static final class ChildFirstLoader extends URLClassLoader {
        ChildFirstLoader(URL classes) {
            super(new URL[] {classes}, ClassLoader.getSystemClassLoader());
        }

        @Override
        protected synchronized Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.stipple.testinfra.")) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            try {
                URL url = findResource(name);
                return url != null ? url.openStream() : super.getResourceAsStream(name);
            } catch (IOException e) {
                return null;
            }
        }
    }
}
