package io.stipple.testinfra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The services' JVM sizing as {@code deploy/sizing.properties} records it: the flags and environment each service
 * runs with (the local stack's launcher, the Kubernetes Deployments' {@code JAVA_TOOL_OPTIONS}) and the memory
 * budget its container limit must cover.
 */
public final class JvmSizing {

    /** Where the file lives, from the repository root. */
    public static final String FILE = "deploy/sizing.properties";

    private final Properties properties;

    private JvmSizing(Properties properties) {
        this.properties = properties;
    }

    public static JvmSizing load(Path repoRoot) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(repoRoot.resolve(FILE))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + repoRoot.resolve(FILE), e);
        }
        return new JvmSizing(p);
    }

    /** The JVM flags of a service (its artifact id, e.g. {@code booking-service}), in order. */
    public List<String> flags(String service) {
        List<String> flags = new ArrayList<>(commonFlags());
        flags.add("-Xms" + required("jvm.initial-heap"));
        flags.add("-Xmx" + heap(service));
        return flags;
    }

    private List<String> commonFlags() {
        return Arrays.asList(required("jvm.common").split("\\s+"));
    }

    /** The flags as one {@code JAVA_TOOL_OPTIONS} value. */
    public String javaToolOptions(String service) {
        return String.join(" ", flags(service));
    }

    /** Environment every service gets ({@code env.*} entries). */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().filter(k -> k.startsWith("env.")).sorted()
                .forEach(k -> env.put(k.substring(4), properties.getProperty(k).trim()));
        return env;
    }

    /** The heap's maximum as written ({@code 128m}). */
    public String heap(String service) {
        return required(service + ".heap");
    }

    /**
     * Bytes the JVM can take at most: the heap, metaspace, code cache and direct-memory caps of the flags, the most
     * threads at their full stack size, plus the measured native overhead.
     */
    public long budgetBytes(String service) {
        return bytes(heap(service)) + cap("-XX:MaxMetaspaceSize=") + cap("-XX:ReservedCodeCacheSize=")
                + cap("-XX:MaxDirectMemorySize=") + maxThreads() * cap("-Xss") + bytes(required("native.overhead"));
    }

    /** The most threads a service may run (its budget counts each at full stack size). */
    public int maxThreads() {
        return Integer.parseInt(required("jvm.max-threads"));
    }

    /** Resident memory the service typically has after warm-up (what its memory request must cover). */
    public long typicalBytes(String service) {
        return bytes(required(service + ".typical"));
    }

    private long cap(String prefix) {
        return commonFlags().stream().filter(f -> f.startsWith(prefix)).findFirst()
                .map(f -> bytes(f.substring(prefix.length())))
                .orElseThrow(() -> new IllegalStateException(FILE + ": jvm.common has no " + prefix + " (the budget needs every cap)"));
    }

    private String required(String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(FILE + " has no " + key);
        }
        return value.trim();
    }

    /** A JVM or Kubernetes size: {@code 128m}, {@code 1g}, {@code 512Mi}, {@code 768M}, plain bytes. */
    public static long bytes(String size) {
        String s = size.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (s.endsWith("i")) {
            s = s.substring(0, s.length() - 1);
        }
        char last = s.charAt(s.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1024L : last == 'm' ? 1024L * 1024 : 1024L * 1024 * 1024;
            s = s.substring(0, s.length() - 1);
        }
        return Long.parseLong(s) * unit;
    }
}
