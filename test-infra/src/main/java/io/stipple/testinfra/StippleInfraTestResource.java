package io.stipple.testinfra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Wires the JVM-wide {@link StippleInfra} (real PostgreSQL + Kafka) into a service's {@code @QuarkusTest}s.
 *
 * <p>Init args: {@code database} (required: the service's own database, created if missing), {@code topics}
 * (optional, comma-separated: created before the application starts), {@code partitions} (optional, default 3).
 * Declare it once per module, globally, so that all test classes share one Quarkus boot:
 *
 * <pre>{@code
 * @QuarkusTestResource(value = StippleInfraTestResource.class, initArgs = {
 *         @ResourceArg(name = "database", value = "client"),
 *         @ResourceArg(name = "topics", value = "stipple.clients,stipple.clients.dlq") })
 * public class ClientServiceTestResources {
 * }
 * }</pre>
 *
 * <p>{@link #stop()} leaves the servers running: the next application boot in the same JVM reuses them, and a
 * shutdown hook closes them when the JVM exits.
 */
public class StippleInfraTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final String TOPICS_ARG = "topics";
    public static final String PARTITIONS_ARG = "partitions";

    private String database;
    private List<String> topics = List.of();
    private int partitions = 3;

    @Override
    public void init(Map<String, String> initArgs) {
        String db = initArgs.get(DATABASE_ARG);
        if (db == null || db.isBlank()) {
            throw new IllegalArgumentException(StippleInfraTestResource.class.getSimpleName()
                    + " needs @ResourceArg(name = \"database\", value = \"<the service's database>\")");
        }
        database = db.trim();
        String topicList = initArgs.get(TOPICS_ARG);
        List<String> parsed = new ArrayList<>();
        if (topicList != null) {
            for (String topic : topicList.split(",")) {
                if (!topic.isBlank()) {
                    parsed.add(topic.trim());
                }
            }
        }
        topics = List.copyOf(parsed);
        String partitionArg = initArgs.get(PARTITIONS_ARG);
        if (partitionArg != null && !partitionArg.isBlank()) {
            partitions = Integer.parseInt(partitionArg.trim());
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
            }
        }
    }

    @Override
    public Map<String, String> start() {
        if (database == null) {
            throw new IllegalStateException(StippleInfraTestResource.class.getSimpleName()
                    + " needs @ResourceArg(name = \"database\", value = \"<the service's database>\")");
        }
        StippleInfra infra = StippleInfra.get();
        EmbeddedKafkaBroker kafka = infra.kafka();
        if (!kafka.isRunning()) {
            kafka.restart(); // an earlier test stopped it and did not restart it
        }
        EmbeddedPostgresServer postgres = infra.postgres();
        postgres.createDatabase(database);
        kafka.createTopics(topics, partitions);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        // the service runs as its runtime role (no owner, no RLS bypass); Flyway migrates as the owner
        config.put("quarkus.datasource.username", postgres.appUsername(database));
        config.put("quarkus.datasource.password", postgres.appPassword());
        config.put("quarkus.flyway.username", postgres.username());
        config.put("quarkus.flyway.password", postgres.password());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        return config;
    }

    @Override
    public void stop() {
        // nothing: StippleInfra outlives application restarts and is closed by its shutdown hook
    }
}
