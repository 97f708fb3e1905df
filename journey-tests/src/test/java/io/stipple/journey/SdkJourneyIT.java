package io.stipple.journey;

import com.fasterxml.jackson.databind.JsonNode;
import io.stipple.stack.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TypeScript SDK ({@code sdk/typescript}, {@code @stipple/sdk}) against the running services:
 * <ul>
 * <li>its committed OpenAPI documents are what the services serve (no node needed, so this always runs; on a
 * difference it fails with the command that regenerates the SDK);</li>
 * <li>the Node journey {@code sdk/typescript/journey/journey.ts} — one client's SMP journey through the SDK only — passes
 * against them. It needs node and npm on the PATH (skipped with a message otherwise); the first run installs the pinned
 * tools ({@code npm ci}); every run builds the SDK and the journey with the package's tsc and runs the SDK's own tests
 * ({@code npm test}, no server needed), then the journey, within a timeout. The journey gets the base
 * URLs and a staff token of a fresh clinic (seeded here: profile, catalogue, room, technician) in its environment and
 * asks this side, one line on its stdout each, for what only the harness can do: {@code REQUEST client-token <id>}
 * (answered {@code TOKEN <jwt>}, a {@code DevTokens} client token) and {@code REQUEST clock <instant>} (the services'
 * shared clock moved there, answered {@code CLOCK <instant>}). Its output is relayed; it must exit 0.</li>
 * </ul>
 */
@ExtendWith(StippleSystem.class)
class SdkJourneyIT {

    private static final Duration JOURNEY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);

    /** The services' clock is shared by every test class: give it back as found. */
    @AfterAll
    static void giveTheClockBack() {
        StippleSystem.setClockOffset(Duration.ZERO);
    }

    @Test
    void the_node_journey_registers_books_completes_and_uploads_through_the_sdk_only() throws Exception {
        Assumptions.assumeTrue(ApiLintIT.onPath("npm") && ApiLintIT.onPath("node"),
                "SKIPPED: npm/node are not on the PATH, so the TypeScript SDK's Node journey cannot run here; "
                        + "run it where node is installed (see sdk/typescript/README.md)");
        Path log = Path.of(System.getProperty("stipple.journey.dir", ".")).resolve("target/sdk-build.log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        if (!Files.exists(SDK.resolve("node_modules/.package-lock.json"))
                || Files.getLastModifiedTime(SDK.resolve("package-lock.json"))
                .compareTo(Files.getLastModifiedTime(SDK.resolve("node_modules/.package-lock.json"))) > 0) {
            build(log, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        }
        build(log, "npm", "test"); // builds the SDK and the journey with the package's tsc, runs the SDK's own tests

        Clinic clinic = new Clinic().setUp();
        ProcessBuilder journey = new ProcessBuilder("node", "build/journey/journey.js").directory(SDK.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = journey.environment();
        env.put("STIPPLE_CLIENT_URL", StippleSystem.baseUrl(Service.CLIENT));
        env.put("STIPPLE_BOOKING_URL", StippleSystem.baseUrl(Service.BOOKING));
        env.put("STIPPLE_NOTIFICATION_URL", StippleSystem.baseUrl(Service.NOTIFICATION));
        env.put("STIPPLE_GALLERY_URL", StippleSystem.baseUrl(Service.GALLERY));
        env.put("STIPPLE_CLINIC_ID", clinic.id.toString());
        env.put("STIPPLE_STAFF_TOKEN", clinic.staff);
        env.put("STIPPLE_PATIENCE_MS", String.valueOf(Clinic.PATIENCE.toMillis()));
        Process p = journey.start();
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(p::destroyForcibly,
                CompletableFuture.delayedExecutor(JOURNEY_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter in = new PrintWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8), true)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println("[sdk journey] " + line);
                output.add(line);
                if (line.startsWith("REQUEST ")) {
                    in.println(answer(clinic, line.substring("REQUEST ".length())));
                }
            }
            p.waitFor(10, TimeUnit.SECONDS);
        } finally {
            watchdog.cancel(false);
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        boolean finished = watchdog.isCancelled(); // the watchdog did not have to kill it
        assertThat(finished).as("the Node journey finished within " + JOURNEY_TIMEOUT).isTrue();
        assertThat(p.exitValue()).as("the Node journey's exit status; output:\n" + String.join("\n", output)).isZero();
        assertThat(output).as("the Node journey's last line").last().asString().startsWith("SDK JOURNEY PASSED");
    }

    /** The harness's answer to one of the journey's requests. */
    private static String answer(Clinic clinic, String request) {
        String[] parts = request.split(" ", 2);
        switch (parts[0]) {
            case "client-token":
                return "TOKEN " + StippleSystem.client(clinic.id, UUID.fromString(parts[1]));
            case "clock":
                StippleSystem.moveClockTo(Instant.parse(parts[1]));
                return "CLOCK " + StippleSystem.now();
            default:
                throw new AssertionError("The Node journey asked for something unknown: REQUEST " + request);
        }
    }

    /** Runs an npm command in the SDK's folder, its output appended to {@code log}; fails on a non-zero exit. */
    private static void build(Path log, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(SDK.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        boolean done = p.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done && p.exitValue() == 0).as(String.join(" ", command) + " in sdk/typescript failed; output:\n"
                + Files.readString(log, StandardCharsets.UTF_8)).isTrue();
    }

    static final Path ROOT = Path.of(System.getProperty("stipple.root", "..")).toAbsolutePath().normalize();
    static final Path SDK = ROOT.resolve("sdk/typescript");
    static final String REGENERATE = "(cd sdk/typescript && npm ci && npm run generate)";

    @Test
    void the_sdks_committed_openapi_documents_are_what_the_services_serve() throws IOException {
        Map<Service, JsonNode> served = OpenApi.documents(); // also saved to journey-tests/target/openapi
        List<String> drift = new ArrayList<>();
        for (Service s : Service.values()) {
            Path committed = SDK.resolve("openapi/" + s.artifact + ".json");
            if (!Files.exists(committed)) {
                drift.add(s.artifact + ": " + ROOT.relativize(committed) + " is missing");
                continue;
            }
            List<String> differences = new ArrayList<>();
            diff("", OpenApi.JSON.readTree(committed.toFile()), served.get(s), differences);
            if (!differences.isEmpty()) {
                drift.add(s.artifact + ": " + differences.size() + " difference(s) between " + ROOT.relativize(committed)
                        + " (committed) and what the service serves, e.g.\n    "
                        + String.join("\n    ", differences.subList(0, Math.min(10, differences.size()))));
            }
        }
        assertThat(drift).as("The SDK's OpenAPI documents are out of date. The served documents were saved to "
                + "journey-tests/target/openapi; regenerate the SDK from them in the repository root with\n  " + REGENERATE
                + "\n(or from a running local stack: npm run generate -- --stack), and commit sdk/typescript/openapi, "
                + "sdk/typescript/src/generated and sdk/typescript/package.json.\nDrift").isEmpty();
    }

    /** JSON differences as pointers; numbers compare by value (1.0 = 1), object members in any order. */
    static void diff(String pointer, JsonNode committed, JsonNode served, List<String> out) {
        if (committed.isNumber() && served.isNumber()) {
            if (new BigDecimal(committed.asText()).compareTo(new BigDecimal(served.asText())) != 0) {
                out.add(pointer + ": committed " + committed + ", served " + served);
            }
        } else if (committed.isObject() && served.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name)) {
                    out.add(child + ": only served");
                } else if (!served.has(name)) {
                    out.add(child + ": only committed");
                } else {
                    diff(child, committed.get(name), served.get(name), out);
                }
            }
        } else if (committed.isArray() && served.isArray()) {
            if (committed.size() != served.size()) {
                out.add(pointer + ": committed " + committed.size() + " items, served " + served.size());
                return;
            }
            Iterator<JsonNode> a = committed.elements();
            Iterator<JsonNode> b = served.elements();
            for (int i = 0; a.hasNext(); i++) {
                diff(pointer + "/" + i, a.next(), b.next(), out);
            }
        } else if (!committed.equals(served)) {
            out.add(pointer + ": committed " + abbreviate(committed) + ", served " + abbreviate(served));
        }
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
