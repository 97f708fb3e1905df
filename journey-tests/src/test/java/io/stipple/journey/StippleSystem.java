package io.stipple.journey;

import com.icegreen.greenmail.util.GreenMail;
import io.stipple.stack.LocalStack;
import io.stipple.stack.Service;
import io.stipple.testinfra.DevTokens;
import io.stipple.testinfra.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole of Stipple, started once per test JVM: real PostgreSQL and Kafka, an SMTP sink and the four packaged
 * services as child processes, through the same launcher as the local stack ({@link LocalStack}).
 *
 * <p>Use it as a JUnit 5 extension ({@code @ExtendWith(StippleSystem.class)}) and the static accessors: the first
 * class that needs it starts it; it is stopped when the test run ends (JUnit's root store closes it; a JVM
 * shutdown hook as a fallback). The services listen on their usual ports plus {@link #PORT_OFFSET} (9081–9084), so a
 * running local stack does not collide; PostgreSQL, Kafka and SMTP get free ports; data lives in a temporary
 * directory deleted at the end. The notification service runs with private webhook targets <em>refused</em>, as in
 * production (the local stack allows them for the demo).
 *
 * <p>System properties: {@code stipple.root} (the repository, where the services' {@code target/quarkus-app}
 * folders are; the pom sets it), {@code stipple.journey.port-offset} (default 1000), {@code stipple.journey.replicas}
 * (instances of every service, default {@value #DEFAULT_REPLICAS}; above 1 each service's port is a round-robin proxy
 * in front of its instances, see {@link LocalStack}).
 */
public final class StippleSystem implements BeforeAllCallback {

    public static final int PORT_OFFSET = Integer.getInteger("stipple.journey.port-offset", 1000);

    /** What the pom passes unless {@code -Dstipple.journey.replicas} says otherwise. */
    static final int DEFAULT_REPLICAS = 2;

    /** Instances of every service. */
    public static final int REPLICAS = Integer.getInteger("stipple.journey.replicas", DEFAULT_REPLICAS);

    private static LocalStack stack;
    private static TcpProxy galleryDatabase;
    /** Stripe's API for booking-service's deposits (WireMock; tests stub their own clinic's calls). */
    private static com.github.tomakehurst.wiremock.WireMockServer paymentProvider;
    /** The signing secret of the Stripe webhook endpoint booking-service verifies deliveries with (test value). */
    public static final String STRIPE_WEBHOOK_SECRET = "whsec_journey_test_only_signing_secret";
    private static OtlpReceiver traces;
    private static RuntimeException startFailure;
    private static Path dataDir;
    private static Path clockFile;
    private static volatile Duration clockOffset = Duration.ZERO;
    private static final Object LOCK = new Object();

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
        // closed when the whole test plan has run, after every class that shares it
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(StippleSystem.class.getName(), k -> (ExtensionContext.Store.CloseableResource) StippleSystem::stop);
    }

    /** Starts the system if it is not running yet; a failed start is remembered and rethrown to every caller. */
    public static LocalStack start() {
        synchronized (LOCK) {
            if (stack != null) {
                return stack;
            }
            if (startFailure != null) {
                throw new IllegalStateException("Stipple did not start (see the first failure): " + startFailure.getMessage(),
                        startFailure);
            }
            try {
                Path root = Path.of(System.getProperty("stipple.root", "..")).toAbsolutePath().normalize();
                dataDir = Files.createTempDirectory("stipple-journey-");
                clockFile = dataDir.resolve("clock-offset");
                int postgresPort = freePort();
                // gallery-service reaches PostgreSQL through a hop the fault tests can cut (a database restart or
                // failover for that one service, while the server keeps serving the others)
                galleryDatabase = new TcpProxy(freePort(), "127.0.0.1", postgresPort);
                galleryDatabase.start();
                paymentProvider = new com.github.tomakehurst.wiremock.WireMockServer(
                        com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
                paymentProvider.start();
                // every service exports its spans to one receiver in this JVM (batched, sent every 200 ms), so any test
                // can read a trace across the services (TraceJourneyIT)
                traces = OtlpReceiver.start();
                Map<Service, Map<String, String>> env = new EnumMap<>(Service.class);
                for (Service s : Service.values()) {
                    Map<String, String> e = new java.util.HashMap<>();
                    e.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint());
                    e.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
                    e.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
                    // one movable clock for all four services (platform OffsetFileClock; zero until a test moves it)
                    e.put("STIPPLE_CLOCK_OFFSET_FILE", clockFile.toString());
                    if (s == Service.GALLERY) {
                        e.put("DB_URL", "jdbc:postgresql://127.0.0.1:" + galleryDatabase.port() + "/" + s.database);
                        // say "stuck" well within the fault test's 60 s outage (production default: 1 min)
                        e.put("STIPPLE_INBOX_STUCK_AFTER", "20s");
                    }
                    if (s == Service.BOOKING) {
                        // deposits through Stripe's official SDK, pointed at the WireMock Stripe (test keys only)
                        e.put("BOOKING_STRIPE_API_KEY", "sk_test_journey_only");
                        e.put("BOOKING_STRIPE_WEBHOOK_SECRET", STRIPE_WEBHOOK_SECRET);
                        e.put("BOOKING_PAYMENTS_STRIPE_API_BASE", paymentProvider.baseUrl());
                    }
                    if (s == Service.NOTIFICATION) {
                        // as in production: webhooks to loopback, private or metadata addresses are refused
                        e.put("NOTIFICATION_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "false");
                        // the sweeps subscribe webhooks to public addresses to prove they are accepted; nothing may
                        // actually be sent off this machine, so deliveries stay queued
                        e.put("NOTIFICATION_WEBHOOKS_DELIVERY_ENABLED", "false");
                    }
                    env.put(s, Map.copyOf(e));
                }
                PrintStream out = System.out;
                out.println("Starting Stipple for the journey tests (services on ports " + (8081 + PORT_OFFSET) + "-"
                        + (8084 + PORT_OFFSET) + ", " + REPLICAS + " instance(s) of each, data in " + dataDir + ")");
                long t0 = System.nanoTime();
                stack = LocalStack.start(new LocalStack.Options(root, dataDir, PORT_OFFSET, postgresPort, freePort(),
                        freePort(), env, out).withReplicas(REPLICAS));
                out.printf("Stipple is up (%.1f s)%n", (System.nanoTime() - t0) / 1e9);
                Runtime.getRuntime().addShutdownHook(new Thread(StippleSystem::stop, "stipple-journey-stop"));
                return stack;
            } catch (IOException e) {
                startFailure = new UncheckedIOException(e);
                throw startFailure;
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
    }

    /** Stops everything and deletes the data; idempotent. */
    public static void stop() {
        synchronized (LOCK) {
            if (stack != null) {
                stack.close();
                stack = null;
            }
            if (galleryDatabase != null) {
                galleryDatabase.close();
                galleryDatabase = null;
            }
            if (paymentProvider != null) {
                paymentProvider.stop();
                paymentProvider = null;
            }
            if (traces != null) {
                traces.close();
                traces = null;
            }
            clockOffset = Duration.ZERO;
            if (dataDir != null) {
                keepLogs(dataDir.resolve("logs"));
                deleteQuietly(dataDir);
                dataDir = null;
            }
        }
    }

    public static LocalStack stack() {
        return start();
    }

    public static String baseUrl(Service service) {
        return start().baseUrl(service);
    }

    /** The WireMock serving Stripe's API to booking-service. */
    public static com.github.tomakehurst.wiremock.WireMockServer paymentProvider() {
        start();
        return paymentProvider;
    }

    public static EmbeddedKafkaBroker kafka() {
        return start().kafka();
    }

    public static GreenMail smtp() {
        return start().smtp();
    }

    /** The spans the services exported (OTLP/HTTP to a receiver in this JVM). */
    static OtlpReceiver traces() {
        start();
        return traces;
    }

    /** gallery-service's connection to PostgreSQL: {@code cut()} it to take the database away from that service. */
    static TcpProxy galleryDatabase() {
        start();
        return galleryDatabase;
    }

    /**
     * Stops one service, every instance of it (an outage): {@code hard} = SIGKILL, as a crash; otherwise a graceful
     * SIGTERM.
     */
    public static void stopService(Service service, boolean hard) {
        start().stopService(service, hard);
    }

    /** Starts a stopped service again, every instance (same database and topics), and waits until they are ready. */
    public static void startService(Service service) {
        start().startService(service);
    }

    /** The base URLs of a service's instances (instance 1 first), to talk to one of them past the proxy. */
    public static List<String> instanceUrls(Service service) {
        return start().instanceUrls(service);
    }

    /** Stops instance {@code n} (1-based) of a service, the others keep serving behind the proxy. */
    public static void stopInstance(Service service, int n, boolean hard) {
        start().stopInstance(service, n, hard);
    }

    /** Starts instance {@code n} (1-based) of a service again and waits until it is ready. */
    public static void startInstance(Service service, int n) {
        start().startInstance(service, n);
    }

    /**
     * A second instance of a service (same database, topics and consumer group, another port), as a second replica
     * behind a load balancer would be; returns its base URL. Stop it with {@link #stopReplica}.
     */
    public static String startReplica(Service service) {
        try {
            return start().startReplica(service, freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void stopReplica(String baseUrl) {
        start().stopReplica(baseUrl);
    }

    // ------------------------------------------------------------------------------------------------ time

    /**
     * Moves the clock of all four services (not of this JVM or of token expiry): they read the offset from a shared
     * file at most every 50 ms, and this returns once that has passed, so the next request runs at the new time.
     * Offsets are absolute (from real time), not cumulative.
     */
    public static void setClockOffset(Duration offset) {
        start();
        try {
            Path tmp = clockFile.resolveSibling(clockFile.getFileName() + ".tmp");
            Files.writeString(tmp, offset.toString());
            Files.move(tmp, clockFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            clockOffset = offset;
            // the services re-read the file at most every 50 ms (OffsetFileClock): let that pass, so the next request
            // already runs at the new time (a check-in right after the move was refused as too early)
            org.awaitility.Awaitility.await().pollDelay(Duration.ofMillis(60)).atMost(Duration.ofSeconds(1)).until(() -> true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the services' clock so that their "now" is {@code instant} (then it runs on from there). */
    public static void moveClockTo(Instant instant) {
        setClockOffset(Duration.between(Instant.now(), instant));
    }

    /** Moves the services' clock forward by {@code step} from where it is now. */
    public static void advanceClock(Duration step) {
        setClockOffset(clockOffset.plus(step));
    }

    public static Duration clockOffset() {
        return clockOffset;
    }

    /** "Now" as the services see it. */
    public static Instant now() {
        return Instant.now().plus(clockOffset);
    }

    // ------------------------------------------------------------------------------------------------ tokens

    /** A clinic's admin. */
    public static String admin(UUID clinicId) {
        return DevTokens.builder().subject("admin-" + clinicId).clinic(clinicId).roles("admin")
                .expiresAt(Instant.now().plus(Duration.ofHours(2))).sign();
    }

    /** A clinic's staff member. */
    public static String staff(UUID clinicId) {
        return DevTokens.builder().subject("staff-" + clinicId).clinic(clinicId).roles("staff")
                .expiresAt(Instant.now().plus(Duration.ofHours(2))).sign();
    }

    /** A client of the clinic, for their own records. */
    public static String client(UUID clinicId, UUID clientId) {
        return DevTokens.builder().subject("client-" + clientId).clinic(clinicId).roles("client").clientId(clientId)
                .expiresAt(Instant.now().plus(Duration.ofHours(2))).sign();
    }

    /** A partner clinic's integration. */
    public static String partner(UUID clinicId, String partnerId) {
        return DevTokens.builder().subject("partner-" + partnerId).clinic(clinicId).roles("partner").partnerId(partnerId)
                .expiresAt(Instant.now().plus(Duration.ofHours(2))).sign();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** The services' logs outlive the run in {@code target/stack-logs}, for whoever reads a failure. */
    private static void keepLogs(Path logs) {
        Path target = Path.of(System.getProperty("stipple.journey.dir", ".")).resolve("target/stack-logs");
        try (var files = Files.list(logs)) {
            Files.createDirectories(target);
            for (Path log : files.toList()) {
                Files.copy(log, target.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("could not keep the service logs: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** For JUnit ({@code @ExtendWith}); everything else is static. */
    public StippleSystem() {
    }
}
