package io.stipple.platform.problem;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every problem member stays within the bound the OpenAPI documents declare for it. */
class ProblemTest {

    @Test
    void membersBuiltFromWhatTheCallerSentAreCutAtTheirBound() {
        String longName = "x".repeat(60_000);
        List<Problem.Violation> violations = IntStream.range(0, 5000)
                .mapToObj(i -> new Problem.Violation("areas[" + i + "]." + longName, "must not be null " + longName))
                .toList();
        Problem problem = new Problem(Problem.type("validation-failed"), "Request validation failed", 400,
                "Unknown field '" + longName + "'", "/api/v1/" + longName, violations, Map.of());

        assertThat(problem.detail()).hasSize(Problem.MAX_DETAIL).startsWith("Unknown field 'xxx").endsWith("…");
        assertThat(problem.instance()).hasSize(Problem.MAX_INSTANCE);
        assertThat(problem.violations()).hasSize(Problem.MAX_VIOLATIONS);
        assertThat(problem.violations().get(0).field()).hasSize(Problem.MAX_FIELD).startsWith("areas[0].");
        assertThat(problem.violations().get(0).message()).hasSize(Problem.MAX_MESSAGE);
        assertThat(problem.type().toString().length()).isLessThanOrEqualTo(Problem.MAX_TYPE);
    }

    @Test
    void shortMembersAreKeptAsTheyAre() {
        Problem problem = new Problem(Problem.type("not-found"), "Not found", 404, "No such client", "/api/v1/clients/1",
                List.of(new Problem.Violation("email", "must be a well-formed email address")), Map.of());
        assertThat(problem.detail()).isEqualTo("No such client");
        assertThat(problem.instance()).isEqualTo("/api/v1/clients/1");
        assertThat(problem.violations()).containsExactly(new Problem.Violation("email", "must be a well-formed email address"));
        assertThat(Problem.cut(null, 10)).isNull();
    }
}
