package io.stipple.platform.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A domain rule's {@link RuleViolation} becomes the same problem a {@link ProblemException} of that kind gets. */
class RuleViolationTest {

    private final ProblemMappers mappers = new ProblemMappers();
    private final ObjectMapper json = new ObjectMapper();

    /** A class shaped like a domain policy: it knows rules, not HTTP. */
    static final class MinimumStockPolicy {
        static void check(int quantity, int minimum) {
            if (quantity < minimum) {
                throw new RuleViolation("stock-too-low", "At least " + minimum + " are needed")
                        .with("minimum", minimum);
            }
        }
    }

    @Test
    void aDomainClassThrowingItYieldsA422ProblemWithItsMembers() throws Exception {
        RuleViolation e = catchFrom(() -> MinimumStockPolicy.check(2, 5));

        RestResponse<Problem> response = mappers.ruleViolation(e, null);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getHeaderString("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        JsonNode body = json.valueToTree(response.getEntity());
        assertThat(body.get("type").asText()).isEqualTo("https://stipple.io/problems/stock-too-low");
        assertThat(body.get("title").asText()).isEqualTo("Rule violated");
        assertThat(body.get("status").asInt()).isEqualTo(422);
        assertThat(body.get("detail").asText()).isEqualTo("At least 5 are needed");
        assertThat(body.get("minimum").asInt()).isEqualTo(5);
        assertThat(body.has("violations")).isFalse();
    }

    @Test
    void eachKindIsAnsweredLikeTheProblemExceptionOfThatKind() {
        assertSame(RuleViolation.conflict("booking-conflict", "taken"), ProblemException.conflict("booking-conflict", "taken"));
        assertSame(new RuleViolation("booking-in-past", "past"), ProblemException.unprocessable("booking-in-past", "past"));
        assertSame(RuleViolation.notPermitted("admins only"), ProblemException.forbidden("admins only"));
        assertSame(RuleViolation.invalidValue("healingOverride", "applies only to plan sessions"),
                ProblemException.invalidField("healingOverride", "applies only to plan sessions"));
        assertSame(new RuleViolation(RuleViolation.Kind.CONFLICT, "illegal-transition", "Illegal transition", "no")
                        .with("status", "CANCELLED"),
                new ProblemException(409, "illegal-transition", "Illegal transition", "no").with("status", "CANCELLED"));
    }

    @Test
    void anInvalidValueNamesItsField() {
        Problem problem = ProblemMappers.toProblem(RuleViolation.invalidValue("stage", "must be null"), "/x");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo(URI.create("https://stipple.io/problems/validation-failed"));
        assertThat(problem.detail()).isEqualTo("stage: must be null");
        assertThat(problem.violations()).containsExactly(new Problem.Violation("stage", "must be null"));
        assertThat(problem.instance()).isEqualTo("/x");
    }

    @Test
    void itNeedsASlug() {
        assertThatThrownBy(() -> new RuleViolation(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertSame(RuleViolation rule, ProblemException problem) {
        Problem fromRule = mappers.ruleViolation(rule, null).getEntity();
        Problem fromProblem = mappers.problem(problem, null).getEntity();
        JsonNode ruleJson = json.valueToTree(fromRule);
        JsonNode problemJson = json.valueToTree(fromProblem);
        assertThat(ruleJson).isEqualTo(problemJson);
        assertThat(fromRule.status()).isEqualTo(problem.status());
        assertThat(fromRule.violations()).isEqualTo(problem.violations());
        assertThat(fromRule.members()).isEqualTo(Map.copyOf(problem.extensions()));
        assertThat(List.of(fromRule.type(), fromRule.title())).containsExactly(fromProblem.type(), fromProblem.title());
    }

    private static RuleViolation catchFrom(Runnable rule) {
        try {
            rule.run();
        } catch (RuleViolation e) {
            return e;
        }
        throw new AssertionError("the rule did not refuse");
    }
}
