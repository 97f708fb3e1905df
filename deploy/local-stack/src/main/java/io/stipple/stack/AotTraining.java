package io.stipple.stack;

import io.stipple.testinfra.DevTokens;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The start-up archives' training run: starts the local stack (real PostgreSQL and Kafka, an SMTP sink) from a
 * temporary directory, restarts the four packaged services as training runs ({@link LocalStack#startServiceTraining}),
 * serves them what a clinic's first minutes would — the demo clinic seeded through their own APIs ({@link DemoData}:
 * creates across all four, events between them), the staff's list reads, health, metrics and the OpenAPI documents —
 * and stops them, each writing its start-up archive into {@code <service>/target/quarkus-app}: a Leyden AOT cache
 * ({@code app.aot}) on JDK 24 or later, a dynamic AppCDS archive ({@code app-cds.jsa}, replacing the build's
 * static-init one) before that. The local stack and {@code SystemBench} then start the service with it.
 *
 * <p>Run by {@code deploy/local-stack}'s packaging: always on JDK 25 (profile {@code jdk-aot-training}), on request on
 * any JDK ({@code -Dstipple.train}, profile {@code startup-training}: {@code deploy/local-stack/run --train} and
 * {@code bench/run-all} use it). An archive is valid only for the class path that made it, so the next packaging of a
 * service replaces it by the build's own again.
 *
 * <p>What an archive holds is the classes those runs loaded and linked (with the flags of
 * {@code deploy/sizing.properties}: C1 only, so no method profiles worth keeping). Fails (exit code 1) if any service
 * did not write its archive.
 *
 * <p>System properties: {@code stipple.root} (the repository, default the working directory),
 * {@code stipple.aot.port-offset} (added to the services' ports 8081-8084, default 2400, so a training run does not
 * collide with a local stack or a journey run on the same machine).
 */
public final class AotTraining {

    /** Rounds of the read traffic per service after the seeding. */
    private static final int ROUNDS = 30;
    /** How long a service may take to exit and assemble its cache (a child JVM; ~10-40 s on 2 busy cores). */
    private static final Duration ASSEMBLY = Duration.ofMinutes(4);

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("stipple.root", ".")).toAbsolutePath().normalize();
        int portOffset = Integer.getInteger("stipple.aot.port-offset", 2400);
        PrintStream out = System.out;
        Path data = Files.createTempDirectory("stipple-aot-training-");
        List<String> missing = new ArrayList<>();
        out.println("Start-up archive training run (" + Runtime.version() + "), services on 808x + " + portOffset);
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(root, data, portOffset, 0, 0, freePort(),
                Map.of(), out))) {
            out.println("Restarting the services as training runs ...");
            for (Service s : Service.values()) {
                stack.stopService(s, false);
            }
            // all four at once, so each records the calls the others make to it while the demo clinic is seeded
            Map<Service, Path> archives = new java.util.EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                archives.put(s, stack.startServiceTraining(s));
            }
            new DemoData(stack, out).seed();
            reads(stack, out);
            out.println("Stopping the training runs (each JVM writes its archive on the way out) ...");
            for (Service s : Service.values()) {
                long t0 = System.nanoTime();
                stack.stopService(s, ASSEMBLY);
                Path archive = archives.get(s);
                if (Files.isRegularFile(archive)) {
                    Files.writeString(marker(archive), "written by the training run of " + Runtime.version() + "\n");
                    out.printf(Locale.ROOT, "  %-21s %s %d MB (%.0f s to exit and assemble)%n", s.artifact,
                            archive.getFileName(), Files.size(archive) >> 20, (System.nanoTime() - t0) / 1e9);
                } else {
                    missing.add(s.artifact);
                    out.printf("  %-21s wrote no %s; last lines of %s:%n%s%n", s.artifact, archive.getFileName(),
                            stack.logFile(s), LocalStack.tail(stack.logFile(s), 30));
                }
            }
        } finally {
            Main.deleteTree(data);
        }
        if (!missing.isEmpty()) {
            out.println("Start-up archive training failed: no archive for " + missing);
            System.exit(1);
        }
    }

    /**
     * Whether {@code archive} is the one a training run wrote (not the build's static-init one, which the next
     * packaging writes over it): its marker is there and not older than it.
     */
    public static boolean trained(Path archive) {
        Path marker = marker(archive);
        try {
            return Files.isRegularFile(archive) && Files.isRegularFile(marker)
                    && Files.getLastModifiedTime(marker).compareTo(Files.getLastModifiedTime(archive)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path marker(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".trained");
    }

    /** The staff's reads, health, metrics and OpenAPI of every service, {@link #ROUNDS} times. */
    private static void reads(LocalStack stack, PrintStream out) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String staff = DevTokens.token("aot-training-staff", DemoData.CLINIC_ID, "staff");
        int served = 0;
        int failed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (Service s : Service.values()) {
                for (String path : paths(s)) {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(s) + path))
                                    .header("Authorization", "Bearer " + staff).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    served++;
                    failed += response.statusCode() >= 400 ? 1 : 0;
                }
            }
        }
        out.printf("  reads: %d requests, %d answered with an error status%n", served, failed);
    }

    private static List<String> paths(Service s) {
        List<String> common = List.of("/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi");
        List<String> own = switch (s) {
            case CLIENT -> List.of("/api/v1/clients?size=20");
            case BOOKING -> List.of("/api/v1/treatments?size=20", "/api/v1/bookings?size=20");
            case NOTIFICATION -> List.of("/api/v1/notifications?size=20");
            case GALLERY -> List.of("/api/v1/gallery/public/sets?size=20");
        };
        List<String> all = new ArrayList<>(common);
        all.addAll(own);
        return all;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private AotTraining() {
    }
}
