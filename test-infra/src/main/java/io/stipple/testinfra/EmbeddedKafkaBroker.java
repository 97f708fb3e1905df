package io.stipple.testinfra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Kafka (KRaft, combined broker + controller, same version as the clients) running
 * inside this JVM. No JUnit, no Quarkus: usable from tests and from a plain {@code main}.
 *
 * <p>{@link #stop()} shuts the broker down but keeps its data and both ports; {@link #restart()} brings it
 * back on the same port with the same data, so tests can simulate "Kafka is down for a while".
 *
 * <p>Starting a broker replaces Kafka's {@code Exit} procedures for the whole JVM by ones that throw: a
 * fatal broker fault must fail the test, not halt the JVM (which would skip every cleanup).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_PORT_FILE = "controller.port";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicBoolean EXIT_GUARDS = new AtomicBoolean();

    private final Path baseDir;
    private final boolean temporary;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> config;
    /** Non-null when this object is a view of a broker owned by another class loader (see {@link StippleInfra}). */
    private final Map<String, Object> remote;

    private KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafkaBroker(Path baseDir, boolean temporary, int port, int controllerPort, Map<String, Object> remote) {
        this.baseDir = baseDir;
        this.temporary = temporary;
        this.port = port;
        this.controllerPort = controllerPort;
        this.remote = remote;
        this.config = remote == null ? brokerConfig(baseDir.resolve("kafka-logs"), port, controllerPort) : Map.of();
    }

    /**
     * Formats (first time only) and starts a broker, returning once it answers {@code describeCluster}.
     *
     * @param logDir {@code null} for a temporary directory that {@link #close()} deletes; otherwise a persistent
     *        directory reused between runs (topics and records survive). The controller port is remembered in
     *        it, so a persistent broker keeps both its ports from run to run when they are free.
     * @param port the client (PLAINTEXT) port on 127.0.0.1; 0 to pick a free one
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Invalid port " + port);
        }
        Support.quietLogging();
        installExitGuards();
        boolean temporary = logDir == null;
        Path dir;
        try {
            dir = temporary ? Files.createTempDirectory("stipple-kafka-") : logDir.toAbsolutePath();
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the Kafka log directory", e);
        }
        int brokerPort = port == 0 ? Support.freePort() : port;
        int controllerPort = controllerPort(dir, temporary, brokerPort);
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, temporary, brokerPort, controllerPort, null);
        try {
            broker.format();
            synchronized (broker) {
                broker.startServer();
            }
            return broker;
        } catch (RuntimeException | Error e) {
            broker.close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The client port (kept across {@link #stop()}/{@link #restart()}). */
    public int port() {
        return port;
    }

    /**
     * Creates the topics that do not exist yet (replication factor 1) and waits until every one of them is
     * known to the broker with a leader for each partition. Existing topics are left as they are, even if
     * they have a different number of partitions.
     */
    public void createTopics(Collection<String> topics, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1");
        }
        if (topics == null || topics.isEmpty()) {
            return;
        }
        if (remote != null) {
            biConsumer("createTopics").accept(new ArrayList<>(topics), partitions);
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String topic : topics) {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("Blank topic name in " + topics);
            }
            names.add(topic.trim());
        }
        ensureRunning("create topics");
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : names) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, partitions, (short) 1));
                }
            }
            if (!missing.isEmpty()) {
                for (var entry : admin.createTopics(missing).values().entrySet()) {
                    try {
                        entry.getValue().get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw new IllegalStateException("Could not create topic " + entry.getKey() + ": " + e.getCause(), e.getCause());
                        }
                    }
                }
            }
            awaitTopics(admin, names);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Could not create topics " + names + ": " + e, e);
        }
    }

    /**
     * Shuts the broker down (clients then see it as unavailable) and waits until both its ports are released.
     * Data and ports are kept for {@link #restart()}. No-op if already stopped.
     */
    public void stop() {
        if (remote != null) {
            ((Runnable) remote.get("stop")).run();
            return;
        }
        synchronized (this) {
            if (server == null) {
                return;
            }
            KafkaRaftServer s = server;
            server = null;
            Support.withOwnContextClassLoader(() -> {
                s.shutdown();
                s.awaitShutdown();
                return null;
            });
            Support.awaitPortFree(port, Duration.ofSeconds(30));
            Support.awaitPortFree(controllerPort, Duration.ofSeconds(30));
        }
    }

    /**
     * Starts the broker again after {@link #stop()}, on the same ports with the same data, and waits until it is
     * ready. No-op if it is running.
     */
    public void restart() {
        if (remote != null) {
            ((Runnable) remote.get("restart")).run();
            return;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("Broker on port " + port + " has been closed");
            }
            if (server == null) {
                startServer();
            }
        }
    }

    public boolean isRunning() {
        if (remote != null) {
            return ((BooleanSupplier) remote.get("isRunning")).getAsBoolean();
        }
        synchronized (this) {
            return server != null;
        }
    }

    /** Stops the broker and deletes its directory if it was a temporary one. Idempotent. */
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
            stop();
        } catch (RuntimeException e) {
            System.err.println("[stipple-test-infra] stopping Kafka failed: " + e);
        } finally {
            if (temporary) {
                Support.deleteRecursively(baseDir);
            }
        }
    }

    // ---- internals ----------------------------------------------------------------------------------------

    private static Map<String, String> brokerConfig(Path logs, int port, int controllerPort) {
        Map<String, String> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logs.toString());
        p.put("metadata.log.dir", logs.toString());
        // one node: every replication factor and min ISR is 1
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "3");
        p.put("group.initial.rebalance.delay.ms", "0");
        // small machine (2 cores): fewer threads, small buffers
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        return p;
    }

    private static int controllerPort(Path dir, boolean temporary, int brokerPort) {
        Path file = dir.resolve(CONTROLLER_PORT_FILE);
        if (!temporary && Files.isRegularFile(file)) {
            try {
                int remembered = Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim());
                if (remembered != brokerPort && remembered > 0 && remembered < 65536 && Support.isPortFree(remembered)) {
                    return remembered;
                }
            } catch (IOException | NumberFormatException e) {
                // pick a new one
            }
        }
        int chosen = Support.freePort(brokerPort);
        if (!temporary) {
            try {
                Files.writeString(file, chosen + "\n", StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + file, e);
            }
        }
        return chosen;
    }

    private static void installExitGuards() {
        if (EXIT_GUARDS.compareAndSet(false, true)) {
            Exit.setExitProcedure((status, message) -> {
                throw new IllegalStateException("Embedded Kafka called exit(" + status + "): " + message);
            });
            Exit.setHaltProcedure((status, message) -> {
                throw new IllegalStateException("Embedded Kafka called halt(" + status + "): " + message);
            });
        }
    }

    private void format() {
        Path logs = baseDir.resolve("kafka-logs");
        if (Files.exists(logs.resolve("meta.properties"))) {
            return; // persistent directory formatted by an earlier run
        }
        Support.withOwnContextClassLoader(() -> {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logs.toString())
                    .setDirectories(List.of(logs.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
            return null;
        });
    }

    /** Caller holds the monitor. */
    private void startServer() {
        Support.awaitPortFree(port, Duration.ofSeconds(10));
        Support.awaitPortFree(controllerPort, Duration.ofSeconds(10));
        KafkaRaftServer s = Support.withOwnContextClassLoader(() -> {
            KafkaRaftServer created = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
            created.startup();
            return created;
        });
        server = s;
        try {
            awaitReady();
        } catch (RuntimeException e) {
            server = null;
            try {
                s.shutdown();
                s.awaitShutdown();
            } catch (RuntimeException ignored) {
                // already failing
            }
            throw e;
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                }
                Support.sleep(50);
            }
        }
        throw new IllegalStateException("Kafka on " + bootstrapServers() + " not ready after " + READY_TIMEOUT, last);
    }

    private void awaitTopics(Admin admin, Set<String> names) throws InterruptedException {
        long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
                boolean ready = described.keySet().containsAll(names);
                for (TopicDescription d : described.values()) {
                    for (TopicPartitionInfo partition : d.partitions()) {
                        ready &= partition.leader() != null && !partition.leader().isEmpty();
                    }
                }
                if (ready) {
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                last = e; // typically UnknownTopicOrPartitionException while metadata propagates
            }
            Support.sleep(50);
        }
        throw new IllegalStateException("Topics " + names + " not ready after " + TOPIC_TIMEOUT, last);
    }

    private Admin admin() {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "stipple-test-infra-admin");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        return Support.withOwnContextClassLoader(() -> Admin.create(props));
    }

    private void ensureRunning(String action) {
        synchronized (this) {
            if (server == null) {
                throw new IllegalStateException("Cannot " + action + ": the broker on " + bootstrapServers()
                        + " is " + (closed ? "closed" : "stopped (call restart())"));
            }
        }
    }

    // ---- sharing across class loaders (see StippleInfra) ------------------------------------------------

    /** A view of this broker made only of JDK types, usable from a copy of this class in another class loader. */
    Map<String, Object> handle() {
        Map<String, Object> h = new HashMap<>();
        h.put("port", port);
        h.put("createTopics", (BiConsumer<Collection<String>, Integer>) this::createTopics);
        h.put("stop", (Runnable) this::stop);
        h.put("restart", (Runnable) this::restart);
        h.put("isRunning", (BooleanSupplier) this::isRunning);
        h.put("close", (Runnable) this::close);
        return h;
    }

    static EmbeddedKafkaBroker attach(Map<String, Object> handle) {
        return new EmbeddedKafkaBroker(null, false, (Integer) handle.get("port"), -1, handle);
    }

    @SuppressWarnings("unchecked")
    private BiConsumer<Collection<String>, Integer> biConsumer(String key) {
        return (BiConsumer<Collection<String>, Integer>) remote.get(key);
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers() + (baseDir != null ? ", dir=" + baseDir : "") + "]";
    }
}
