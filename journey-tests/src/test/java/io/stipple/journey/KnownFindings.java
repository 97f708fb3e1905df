package io.stipple.journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Violations already reported to the module that owns them ({@code known-findings.txt}): printed loudly, not failing
 * the build, until the owner fixes them and removes the line. {@code -Dstipple.findings.strict=true} fails on them too.
 */
public final class KnownFindings {

    private record Finding(String owner, Pattern pattern, String what) {
    }

    private static final boolean STRICT = Boolean.getBoolean("stipple.findings.strict");
    private static final List<Finding> FINDINGS = load();
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Finding f : FINDINGS) {
                if (!SEEN.contains(f.pattern().pattern())) {
                    System.out.println("KNOWN FINDING not seen in this run (its test did not run, or it is fixed: "
                            + "then remove it from known-findings.txt): " + f.owner() + ": " + f.what());
                }
            }
        }, "known-findings-report"));
    }

    /** The violations that are not known findings; the known ones are printed. */
    public static List<String> unexpected(String test, List<String> violations) {
        List<String> unexpected = new ArrayList<>();
        for (String v : violations) {
            Finding known = FINDINGS.stream().filter(f -> f.pattern().matcher(v).find()).findFirst().orElse(null);
            if (known == null || STRICT) {
                unexpected.add(v);
            }
            if (known != null) {
                SEEN.add(known.pattern().pattern());
                System.out.println("KNOWN FINDING [" + known.owner() + "] " + test + ": " + v);
            }
        }
        return unexpected;
    }

    private static List<Finding> load() {
        List<Finding> findings = new ArrayList<>();
        try (InputStream in = KnownFindings.class.getResourceAsStream("/known-findings.txt")) {
            if (in == null) return findings;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split(" \\| ", 3);
                findings.add(new Finding(parts[0].trim(), Pattern.compile(parts[1].trim()), parts.length > 2 ? parts[2].trim() : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    private KnownFindings() {
    }
}
