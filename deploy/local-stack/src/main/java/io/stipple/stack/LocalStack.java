package io.stipple.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.stipple.testinfra.DevIdentityProvider;
import io.stipple.testinfra.DevTokens;
import io.stipple.testinfra.EmbeddedKafkaBroker;
import io.stipple.testinfra.EmbeddedPostgresServer;
import io.stipple.testinfra.JvmSizing;
import io.stipple.testinfra.OffsetFileClockSource;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs Stipple on one machine: real PostgreSQL and Kafka (in this JVM), an SMTP sink, and the four
 * packaged services as child processes, each checked ready on {@code /q/health/ready}. Used by the
 * one-command local stack ({@link Main}) and by the cross-service journey tests.
 *
 * <p>With {@link Options#replicas()} above 1 every service runs as that many instances (same database, topics,
 * consumer group and configuration, each with its own log) behind a {@link RoundRobinProxy} on the service's port, as
 * replicas behind a load balancer: {@link #baseUrl} is the proxy, {@link #instanceUrls} the instances. Instance n
 * listens on the service's port + 100·n (9181 and 9281 for the journey's client-service on 9081): fixed ports below
 * the ephemeral range, so no outgoing connection takes one between start and restart. Instance 1 logs to
 * {@link #logFile}; instance n to {@code <service>-n.log}.
 */
public final class LocalStack implements AutoCloseable {

    /** Every topic the services publish to or dead-letter into. */
    public static final List<String> TOPICS = List.of(
            "stipple.clients", "stipple.bookings", "stipple.gallery", "stipple.notifications",
            "stipple.dlq.booking-service",
            "stipple.dlq.notification-service", "stipple.dlq.gallery-service");

    /** How to run it; {@code replicas}: instances of every service (1: the service itself on its port). */
    public record Options(Path repoRoot, Path dataDir, int portOffset, int postgresPort, int kafkaPort,
                          int smtpPort, Map<Service, Map<String, String>> extraEnv, PrintStream out, int replicas) {

        public Options {
            if (replicas < 1) {
                throw new IllegalArgumentException("replicas must be at least 1, not " + replicas);
            }
        }

        /** One instance of every service. */
        public Options(Path repoRoot, Path dataDir, int portOffset, int postgresPort, int kafkaPort, int smtpPort,
                       Map<Service, Map<String, String>> extraEnv, PrintStream out) {
            this(repoRoot, dataDir, portOffset, postgresPort, kafkaPort, smtpPort, extraEnv, out, 1);
        }

        /** The local stack's defaults: services on 8081–8084, PostgreSQL 15432, Kafka 19092, SMTP 3025. */
        public static Options defaults(Path repoRoot, Path dataDir, PrintStream out) {
            return new Options(repoRoot, dataDir, 0, 15432, 19092, 3025, Map.of(), out);
        }

        public Options withReplicas(int n) {
            return new Options(repoRoot, dataDir, portOffset, postgresPort, kafkaPort, smtpPort, extraEnv, out, n);
        }
    }

    /** One instance of a service: its port and log stay the same across restarts (the proxy knows the port). */
    private static final class Instance {
        final int port;
        final Path log;
        volatile Process process;

        Instance(int port, Path log) {
            this.port = port;
            this.log = log;
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        boolean alive() {
            Process p = process;
            return p != null && p.isAlive();
        }
    }

    private final Options options;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;
    private final GreenMail smtp;
    /** DEVELOPMENT ONLY: the token endpoint granting the services their own tokens (client credentials). */
    private final DevIdentityProvider identity;
    private final Map<Service, List<Instance>> instances = new EnumMap<>(Service.class);
    private final Map<Service, RoundRobinProxy> proxies = new EnumMap<>(Service.class);
    private final Map<String, Process> replicas = new java.util.concurrent.ConcurrentHashMap<>();
    private final Path publicKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JvmSizing sizing;
    /** Services whose next start is a training run ({@link #startServiceTraining}). */
    private final java.util.Set<Service> training = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private LocalStack(Options options, EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka, GreenMail smtp,
                       Path publicKey) {
        this.options = options;
        this.postgres = postgres;
        this.kafka = kafka;
        this.smtp = smtp;
        this.identity = DevIdentityProvider.start();
        this.publicKey = publicKey;
        this.sizing = JvmSizing.load(options.repoRoot());
        try {
            createInstances();
        } catch (RuntimeException e) {
            proxies.values().forEach(RoundRobinProxy::close);
            identity.close();
            throw e;
        }
    }

    private void createInstances() {
        for (Service s : Service.values()) {
            List<Instance> list = new ArrayList<>();
            if (options.replicas() == 1) {
                list.add(new Instance(port(s), logFile(s)));
            } else {
                List<Integer> ports = new ArrayList<>();
                for (int n = 1; n <= options.replicas(); n++) {
                    int instancePort = port(s) + 100 * n;
                    ports.add(instancePort);
                    list.add(new Instance(instancePort, n == 1 ? logFile(s)
                            : options.dataDir().resolve("logs").resolve(s.artifact + "-" + n + ".log")));
                }
                proxies.put(s, RoundRobinProxy.start(s.artifact, port(s), ports));
            }
            instances.put(s, List.copyOf(list));
        }
    }

    /** Starts the infrastructure and all four services; on any failure everything started is stopped again. */
    public static LocalStack start(Options options) {
        PrintStream out = options.out();
        RoundRobinProxy.configureJdk();
        EmbeddedPostgresServer postgres = null;
        EmbeddedKafkaBroker kafka = null;
        GreenMail smtp = null;
        try {
            Files.createDirectories(options.dataDir().resolve("logs"));
            long t0 = System.nanoTime();
            out.printf("  PostgreSQL ... ");
            postgres = EmbeddedPostgresServer.start(options.dataDir().resolve("postgres"), options.postgresPort());
            for (Service s : Service.values()) {
                postgres.createDatabase(s.database);
            }
            out.printf("up on port %d (%s)%n", postgres.port(), since(t0));
            t0 = System.nanoTime();
            out.printf("  Kafka ... ");
            kafka = EmbeddedKafkaBroker.start(options.dataDir().resolve("kafka"), options.kafkaPort());
            kafka.createTopics(TOPICS, 3);
            out.printf("up on %s (%s)%n", kafka.bootstrapServers(), since(t0));
            smtp = new GreenMail(new ServerSetup(options.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            out.printf("  SMTP sink ... up on port %d%n", options.smtpPort());
            Path key = options.dataDir().resolve("dev-jwt-public.pem");
            Files.writeString(key, DevTokens.publicKeyPem());
            LocalStack stack = new LocalStack(options, postgres, kafka, smtp, key);
            try {
                for (Service s : Service.values()) {
                    stack.startService(s);
                }
                return stack;
            } catch (RuntimeException e) {
                stack.close();
                throw e;
            }
        } catch (IOException e) {
            closeQuietly(smtp, kafka, postgres);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeQuietly(smtp, kafka, postgres);
            throw e;
        }
    }

    public int port(Service service) {
        return service.defaultPort + options.portOffset();
    }

    public String baseUrl(Service service) {
        return "http://localhost:" + port(service);
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public GreenMail smtp() {
        return smtp;
    }

    public Path dataDirForDisplay() {
        return options.dataDir();
    }

    /** The log of the service's first instance (the only one unless {@link Options#replicas()} is above 1). */
    public Path logFile(Service service) {
        return options.dataDir().resolve("logs").resolve(service.artifact + ".log");
    }

    /** Instances of every service. */
    public int replicas() {
        return options.replicas();
    }

    /** The base URLs of the service's instances, in order (instance 1 first); one entry with one replica. */
    public List<String> instanceUrls(Service service) {
        return instances.get(service).stream().map(Instance::url).toList();
    }

    /** The proxy in front of the service's instances; empty with one replica (the service is on its port itself). */
    public java.util.Optional<RoundRobinProxy> proxy(Service service) {
        return java.util.Optional.ofNullable(proxies.get(service));
    }

    /**
     * Starts every instance of a packaged service that is not running (all at once) and waits until each reports
     * ready; fails with its log's tail if one does not.
     */
    public void startService(Service service) {
        long t0 = System.nanoTime();
        options.out().printf("  %-21s ... ", service.artifact);
        List<Instance> starting = instances.get(service).stream().filter(i -> !i.alive()).toList();
        Map<String, String> environment = environment(service);
        for (Instance instance : starting) {
            environment.put("QUARKUS_HTTP_PORT", Integer.toString(instance.port));
            instance.process = launch(service, environment, instance.log);
        }
        for (Instance instance : starting) {
            awaitReady(instance.url(), instance.process, service.artifact, instance.log, Duration.ofSeconds(120));
        }
        options.out().printf("ready on %s%s (%s)%n", baseUrl(service),
                replicas() == 1 ? "" : " (" + replicas() + " instances: " + instanceUrls(service) + ")", since(t0));
    }

    /**
     * Starts a stopped service (one instance) as a training run for its start-up archive: as the stack always runs it —
     * its flags from {@code deploy/sizing.properties}, from its {@code quarkus-app} directory as
     * {@code -jar quarkus-run.jar}, so the class path matches every later run — but recording instead of using an
     * archive. On JDK 24 or later it records a Leyden AOT cache ({@code -XX:AOTCacheOutput=app.aot}, JEP 483/514/515),
     * before that a dynamic AppCDS archive ({@code -XX:ArchiveClassesAtExit=app-cds.jsa}, JEP 350) in place of the one
     * the build made from the application's static init alone. The JVM records the classes the traffic it then serves
     * loads and links, and writes the archive when it exits: stop it with {@link #stopService(Service, Duration)} and a
     * grace long enough for that. Used by {@link AotTraining}.
     *
     * @return the archive the run writes when it exits
     */
    public Path startServiceTraining(Service service) {
        if (replicas() != 1) {
            throw new IllegalStateException("a training run writes one start-up archive: run it with one instance");
        }
        trainingFlags(Runtime.version().feature()); // refuses a JDK that cannot record, before anything is deleted
        Path archive = appDirectory(service).resolve(trainedArchiveName(Runtime.version().feature()));
        try {
            // the archive being replaced must not be loaded by the run that replaces it (a dynamic archive cannot be
            // dumped on top of another one, nor an AOT cache recorded while one is in use)
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + archive, e);
        }
        training.add(service);
        try {
            startService(service);
        } finally {
            training.remove(service);
        }
        return archive;
    }

    /** The start-up archive a training run on this JDK feature release writes (and the stack starts it with). */
    public static String trainedArchiveName(int jdkFeature) {
        return jdkFeature >= 24 ? "app.aot" : "app-cds.jsa";
    }

    /** Starts instance {@code n} (1-based) of a service again and waits until it is ready. */
    public void startInstance(Service service, int n) {
        Instance instance = instance(service, n);
        if (!instance.alive()) {
            Map<String, String> environment = environment(service);
            environment.put("QUARKUS_HTTP_PORT", Integer.toString(instance.port));
            instance.process = launch(service, environment, instance.log);
            awaitReady(instance.url(), instance.process, service.artifact + " instance " + n, instance.log,
                    Duration.ofSeconds(120));
        }
    }

    /** Stops instance {@code n} (1-based) of a service: gracefully (SIGTERM) or hard (SIGKILL, as a crash would). */
    public void stopInstance(Service service, int n, boolean hard) {
        stop(List.of(instance(service, n)), hard);
    }

    private Instance instance(Service service, int n) {
        List<Instance> list = instances.get(service);
        if (n < 1 || n > list.size()) {
            throw new IllegalArgumentException(service.artifact + " has instances 1-" + list.size() + ", not " + n);
        }
        return list.get(n - 1);
    }

    /**
     * A second instance of a running service, on {@code port}, sharing its database, Kafka consumer group and
     * configuration (as a second Kubernetes replica would); stopped with the stack or {@link #stopReplica}.
     *
     * @return its base URL, once it reports ready
     */
    public String startReplica(Service service, int port) {
        Map<String, String> environment = environment(service);
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Path log = options.dataDir().resolve("logs").resolve(service.artifact + "-" + port + ".log");
        String url = "http://127.0.0.1:" + port;
        Process process = launch(service, environment, log);
        replicas.put(url, process);
        awaitReady(url, process, service.artifact + " replica", log, Duration.ofSeconds(120));
        return url;
    }

    /** Stops a replica started by {@link #startReplica} (SIGTERM). */
    public void stopReplica(String baseUrl) {
        Process process = replicas.remove(baseUrl);
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Path appDirectory(Service service) {
        return options.repoRoot().resolve(service.artifact).resolve("target/quarkus-app");
    }

    private Process launch(Service service, Map<String, String> environment, Path log) {
        Path jar = appDirectory(service).resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        // heap, metaspace, code cache and the rest as deploy/sizing.properties records them for every environment
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(sizing.flags(service.artifact));
        sizing.environment().forEach(environment::putIfAbsent);
        Path workingDirectory = options.dataDir().toAbsolutePath();
        if (environment.containsKey(OffsetFileClockSource.ENVIRONMENT)) {
            // a movable clock (journey tests): test-infra's clock source joins the service's class path through the
            // platform's stipple.clock.source hook; the packaged service itself holds no test clock
            command.addAll(List.of("-cp", jar + java.io.File.pathSeparator + testInfraClassPath(), mainClass(jar)));
            environment.put("STIPPLE_CLOCK_SOURCE", OffsetFileClockSource.class.getName());
        } else {
            // the start-up archive the build made: an AOT cache (app.aot) when a JDK 24+ built it (root pom profile
            // jdk-aot-cache), else an AppCDS archive (app-cds.jsa, quarkus.package.jar.appcds.enabled). Either matches
            // only the class path it was made with, so the service runs from its quarkus-app directory as
            // "-jar quarkus-run.jar"; a JDK other than the one that made it ignores it (AOTMode auto, -Xshare:auto)
            // and starts without. A training run (startServiceTraining) records instead; it lays its classes out for
            // the archive when it exits, in a buffer the size of its compressed class space, which the service's
            // metaspace cap (128m) holds to ~112 MB: too small for what a service loads ("Unable to allocate from
            // 'ro' region"), so that run alone gets more — the runs that use the archive keep the cap
            List<String> archive = training.contains(service)
                    ? trainingFlags(Runtime.version().feature())
                    : startupArchiveFlags(jar.getParent(), Runtime.version().feature());
            if (!archive.isEmpty()) {
                command.addAll(archive);
                workingDirectory = jar.getParent();
            }
            command.addAll(List.of("-jar", workingDirectory.relativize(jar).toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.artifact, e);
        }
    }

    /**
     * Stops a service, every instance of it at once (an outage): gracefully (SIGTERM) or hard (SIGKILL, as a crash
     * would).
     */
    public void stopService(Service service, boolean hard) {
        stop(instances.get(service), hard);
    }

    /**
     * Stops a service gracefully (SIGTERM) and waits up to {@code grace} for every instance to exit before killing it
     * — long enough, after an AOT training run, for the JVM to write its cache on the way out.
     */
    public void stopService(Service service, Duration grace) {
        stop(instances.get(service), false, grace);
    }

    private static void stop(List<Instance> stopping, boolean hard) {
        stop(stopping, hard, Duration.ofSeconds(20));
    }

    private static void stop(List<Instance> stopping, boolean hard, Duration grace) {
        List<Process> signalled = new ArrayList<>();
        for (Instance instance : stopping) {
            Process process = instance.process;
            instance.process = null;
            if (process != null) {
                if (hard) {
                    process.destroyForcibly();
                } else {
                    process.destroy();
                }
                signalled.add(process);
            }
        }
        try {
            for (Process process : signalled) {
                if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The operating-system process id of a running service's first instance (for measuring it). */
    public long pid(Service service) {
        Process p = instances.get(service).get(0).process;
        if (p == null) {
            throw new IllegalStateException(service.artifact + " is not running");
        }
        return p.pid();
    }

    /** Whether every instance of the service is running. */
    public boolean isRunning(Service service) {
        return instances.get(service).stream().allMatch(Instance::alive);
    }

    Map<String, String> environment(Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port(service)));
        env.put("DB_URL", postgres.jdbcUrl(service.database));
        // the runtime role (no owner, no RLS bypass); Flyway migrates as the owner
        env.put("DB_USER", postgres.appUsername(service.database));
        env.put("DB_PASSWORD", postgres.appPassword());
        env.put("DB_OWNER_USER", postgres.username());
        env.put("DB_OWNER_PASSWORD", postgres.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // DEVELOPMENT ONLY: the committed dev key pair; a real deployment points this at its IdP's key
        env.put("JWT_PUBLIC_KEY_LOCATION", publicKey.toUri().toString());
        env.put("JWT_ISSUER", DevTokens.ISSUER);
        env.put("JWT_AUDIENCE", DevTokens.AUDIENCE);
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(options.smtpPort()));
        env.put("SMTP_START_TLS", "DISABLED");
        env.put("NOTIFICATION_EMAIL_FROM", "reminders@stipple.local");
        env.put("GALLERY_STORAGE_DIR", options.dataDir().resolve("gallery-objects").toAbsolutePath().toString());
        // DEVELOPMENT ONLY link-signing keys, the same for every instance (replicas, restarts): a link a service
        // signed keeps working when another instance or the restarted one answers it
        env.put("GALLERY_LINK_SECRET", "dev-only-local-stack-gallery-link-secret-0123456789");
        env.put("BOOKING_MANAGE_LINK_SECRET", "dev-only-local-stack-booking-manage-link-secret-0123456789");
        // local demo: partner webhooks may point at a receiver on this machine, over plain http
        env.put("NOTIFICATION_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        env.put("NOTIFICATION_WEBHOOKS_REQUIRE_HTTPS", "false");
        // server-to-server calls with the service's own token: booking- and notification-service ask client-service
        // for a client's key to open the sealed fields of client events (DEVELOPMENT ONLY identity provider, secrets
        // made for this run)
        env.put("SERVICE_TOKEN_URL", identity.tokenUrl());
        env.put("SERVICE_CLIENT_ID", service.artifact);
        env.put("SERVICE_CLIENT_SECRET", identity.register(service.artifact));
        env.put("CLIENT_SERVICE_URL", baseUrl(Service.CLIENT));
        if (service == Service.CLIENT) {
            // the GDPR export archive gathers the other services' parts of a client's data from them
            env.put("BOOKING_SERVICE_URL", baseUrl(Service.BOOKING));
            env.put("GALLERY_SERVICE_URL", baseUrl(Service.GALLERY));
            env.put("NOTIFICATION_SERVICE_URL", baseUrl(Service.NOTIFICATION));
        }
        env.putAll(options.extraEnv().getOrDefault(service, Map.of()));
        return env;
    }

    private void awaitReady(String baseUrl, Process process, String name, Path log, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI ready = URI.create(baseUrl + "/q/health/ready");
        while (System.nanoTime() < deadline) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up (code "
                        + (process == null ? "?" : process.exitValue()) + "). Last lines of " + log
                        + ":\n" + tail(log, 40));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            try {
                Thread.sleep(200); // polling a process that is starting; nothing to be notified by
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds()
                + " s. Last lines of " + log + ":\n" + tail(log, 40));
    }

    /** Stops the services (gracefully, then forcibly), then Kafka, the SMTP sink and PostgreSQL. */
    @Override
    public void close() {
        new ArrayList<>(replicas.keySet()).forEach(this::stopReplica);
        stop(instances.values().stream().flatMap(List::stream).toList(), false);
        proxies.values().forEach(RoundRobinProxy::close);
        identity.close();
        closeQuietly(smtp, kafka, postgres);
    }

    private static void closeQuietly(GreenMail smtp, EmbeddedKafkaBroker kafka, EmbeddedPostgresServer postgres) {
        try {
            if (smtp != null) smtp.stop();
        } catch (RuntimeException ignored) {
            // shutting down anyway
        }
        try {
            if (kafka != null) kafka.close();
        } catch (RuntimeException ignored) {
            // shutting down anyway
        }
        try {
            if (postgres != null) postgres.close();
        } catch (RuntimeException ignored) {
            // shutting down anyway
        }
    }

    static String tail(Path file, int lines) {
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            List<String> list = all.toList();
            return String.join("\n", list.subList(Math.max(0, list.size() - lines), list.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Where this JVM loads test-infra from (its jar, or its classes directory in an IDE or reactor build). */
    private static String testInfraClassPath() {
        try {
            return Path.of(OffsetFileClockSource.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate test-infra on this JVM's class path for the services' clock", e);
        }
    }

    /**
     * The flags of a training run: record the start-up archive {@link #trainedArchiveName} names. JDK 24 can use an AOT
     * cache but has no one-step recording ({@code -XX:AOTCacheOutput} came with JDK 25), so it cannot train.
     */
    static List<String> trainingFlags(int jdkFeature) {
        if (jdkFeature == 24) {
            throw new IllegalStateException("a training run needs JDK 25 or later (-XX:AOTCacheOutput), or JDK 17-23"
                    + " (-XX:ArchiveClassesAtExit); this is JDK 24");
        }
        String archive = trainedArchiveName(jdkFeature);
        return List.of(jdkFeature >= 24 ? "-XX:AOTCacheOutput=" + archive : "-XX:ArchiveClassesAtExit=" + archive,
                "-XX:MaxMetaspaceSize=512m");
    }

    /**
     * The main class of a packaged service ({@code quarkus-run.jar}'s manifest): the class path a movable-clock run
     * adds test-infra to needs it named, and it depends on the jar layout the build chose (platform config
     * {@code quarkus.package.jar.type}).
     */
    static String mainClass(Path runnerJar) {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(runnerJar.toFile())) {
            java.util.jar.Manifest manifest = jar.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            if (main == null) {
                throw new IllegalStateException(runnerJar + " names no Main-Class");
            }
            return main;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + runnerJar, e);
        }
    }

    /**
     * The flags that load the start-up archive in {@code appDirectory}, if there is one a JVM of this feature release
     * can read: an AOT cache from JDK 24 on (an older JVM would refuse the flag), else an AppCDS archive.
     */
    static List<String> startupArchiveFlags(Path appDirectory, int jdkFeature) {
        if (Files.isRegularFile(appDirectory.resolve("app.aot")) && jdkFeature >= 24) {
            return List.of("-XX:AOTCache=app.aot");
        }
        if (Files.isRegularFile(appDirectory.resolve("app-cds.jsa"))) {
            return List.of("-XX:SharedArchiveFile=app-cds.jsa", "-Xshare:auto");
        }
        return List.of();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String since(long t0) {
        return String.format("%.1f s", (System.nanoTime() - t0) / 1e9);
    }
}
