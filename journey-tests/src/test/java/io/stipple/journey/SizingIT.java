package io.stipple.journey;

import io.stipple.stack.Service;
import io.stipple.testinfra.JvmSizing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory budget of deploy/sizing.properties holds for the packaged services as the journeys drive them: each
 * runs with the recorded heap, its peak thread count (what the budget counts at full stack size) stays within
 * {@code jvm.max-threads}, and its peak resident memory (VmHWM, the kernel's high-water mark, which is what a
 * container limit is held against) stays within the budget the Kubernetes memory limit is checked to cover. Runs
 * after the journeys that share the stack (classes run in name order), so the peaks include their load.
 */
@ExtendWith(StippleSystem.class)
class SizingIT {

    private static final Pattern PEAK_THREADS = Pattern.compile("(?m)^jvm_threads_peak_threads(?:\\{[^}]*})? ([0-9.eE+]+)$");
    private static final Pattern MAX_HEAP = Pattern.compile("(?m)^jvm_memory_max_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+]+)$");

    @Test
    void everyServiceStaysWithinTheMemoryBudgetItsContainerLimitCovers() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/status")),
                "SKIPPED: no /proc here to read the services' peak resident memory from (Linux only)");
        JvmSizing sizing = JvmSizing.load(Path.of(System.getProperty("stipple.root", "..")).toAbsolutePath().normalize());
        StringBuilder report = new StringBuilder("Sizing (deploy/sizing.properties) after the journeys:\n");
        for (Service service : Service.values()) {
            Http.Reply metrics = Http.get(StippleSystem.baseUrl(service) + "/q/metrics").send();
            assertThat(metrics.status()).as(metrics.describe()).isEqualTo(200);
            double peakThreads = first(PEAK_THREADS, metrics.body(), service + " jvm_threads_peak_threads");
            double heapMax = sum(MAX_HEAP, metrics.body());
            long hwm = peakResidentBytes(StippleSystem.stack().pid(service));
            long budget = sizing.budgetBytes(service.artifact);
            report.append(String.format("  %-21s peak threads %3.0f of %d, max heap %4d MiB (%s), peak RSS %4d MiB of a %4d MiB budget%n",
                    service.artifact, peakThreads, sizing.maxThreads(), (long) heapMax / (1024 * 1024), sizing.heap(service.artifact),
                    hwm / (1024 * 1024), budget / (1024 * 1024)));

            assertThat(heapMax).as(service + " runs with the recorded heap")
                    .isLessThanOrEqualTo(JvmSizing.bytes(sizing.heap(service.artifact)));
            assertThat(peakThreads).as(service + " peak threads").isLessThanOrEqualTo(sizing.maxThreads());
            assertThat(hwm).as(service + " peak resident memory").isLessThanOrEqualTo(budget);
        }
        System.out.print(report);
    }

    private static double first(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(what + " in /q/metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** The heap's pools' maxima added up (SerialGC: eden, survivor, tenured). */
    private static double sum(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        double total = 0;
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            if (v > 0) {
                total += v;
            }
        }
        return total;
    }

    private static long peakResidentBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmHWM for process " + pid);
    }
}
