package io.stipple.testinfra;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One PostgreSQL and one Kafka for the whole JVM (temporary directories, free ports), started on the first
 * {@link #get()} and closed by a shutdown hook. Meant for tests; do not close the servers it hands out.
 *
 * <p>Quarkus tests load test classes (and this library) in per-application class loaders that are closed
 * when the application stops, and a test run may boot several applications (test profiles). So that there is
 * still exactly one PostgreSQL and one Kafka per JVM, and so that their threads never belong to a closed
 * class loader, the servers are owned by the copy of this class in the system class loader whenever it can
 * see this library (always under Surefire); copies in other class loaders get views that delegate to it.
 */
public final class StippleInfra {

    private static StippleInfra instance;

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;

    private StippleInfra(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /** The JVM-wide infrastructure, started on first use (PostgreSQL and Kafka start in parallel). */
    public static synchronized StippleInfra get() {
        if (instance == null) {
            Map<String, Object> shared = sharedFromSystemClassLoader();
            instance = shared != null
                    ? new StippleInfra(EmbeddedPostgresServer.attach(sub(shared, "postgres")), EmbeddedKafkaBroker.attach(sub(shared, "kafka")))
                    : startOwned();
        }
        return instance;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    private static StippleInfra startOwned() {
        long started = System.nanoTime();
        CompletableFuture<EmbeddedKafkaBroker> kafka = new CompletableFuture<>();
        Thread kafkaStarter = new Thread(() -> {
            try {
                kafka.complete(EmbeddedKafkaBroker.start(null, 0));
            } catch (Throwable t) {
                kafka.completeExceptionally(t);
            }
        }, "stipple-kafka-starter");
        kafkaStarter.setContextClassLoader(StippleInfra.class.getClassLoader());
        kafkaStarter.setDaemon(true);
        kafkaStarter.start();
        EmbeddedPostgresServer postgres;
        try {
            postgres = EmbeddedPostgresServer.start(null, 0);
        } catch (RuntimeException | Error e) {
            kafka.thenAccept(EmbeddedKafkaBroker::close);
            throw e;
        }
        EmbeddedKafkaBroker broker;
        try {
            broker = kafka.join();
        } catch (RuntimeException e) {
            postgres.close();
            throw Support.unwrap(e);
        }
        StippleInfra infra = new StippleInfra(postgres, broker);
        Thread hook = new Thread(() -> {
            try {
                broker.close();
            } finally {
                postgres.close();
            }
        }, "stipple-infra-shutdown");
        hook.setContextClassLoader(StippleInfra.class.getClassLoader());
        Runtime.getRuntime().addShutdownHook(hook);
        System.err.printf("[stipple-test-infra] PostgreSQL on port %d and Kafka on %s ready in %d ms%n",
                postgres.port(), broker.bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
        return infra;
    }

    /**
     * If this class was loaded by a class loader other than the system class loader, and the system class loader
     * has its own copy of this library, returns the handle of the (started) infrastructure owned by that copy.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sharedFromSystemClassLoader() {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        if (StippleInfra.class.getClassLoader() == system) {
            return null;
        }
        Class<?> owner;
        try {
            owner = Class.forName(StippleInfra.class.getName(), true, system);
        } catch (ClassNotFoundException | LinkageError e) {
            return null; // e.g. Quarkus dev mode: the system class loader does not have the test classpath
        }
        if (owner == StippleInfra.class) {
            return null;
        }
        try {
            Method handle = owner.getDeclaredMethod("sharedHandle");
            handle.setAccessible(true);
            return (Map<String, Object>) handle.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw Support.unwrap(e);
        }
    }

    /** Called reflectively by copies of this class in other class loaders: JDK types only. */
    @SuppressWarnings("unused")
    private static Map<String, Object> sharedHandle() {
        StippleInfra infra = get();
        Map<String, Object> handle = new HashMap<>();
        handle.put("postgres", infra.postgres.handle());
        handle.put("kafka", infra.kafka.handle());
        return handle;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sub(Map<String, Object> handle, String key) {
        return (Map<String, Object>) handle.get(key);
    }

    @Override
    public String toString() {
        return "StippleInfra[" + postgres + ", " + kafka + "]";
    }
}
