package io.stipple.testinfra;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shape rules pass a compliant service and name each violation of a non-compliant one. */
class ServiceShapeTest {

    private static List<String> violations(String base) {
        return ServiceShape.violations(new ClassFileImporter().importPackages(base), base);
    }

    @Test
    void a_service_with_the_shape_passes() {
        assertThat(violations("io.stipple.shapefixture.good")).isEmpty();
    }

    @Test
    void rest_types_in_the_service_layer_queries_outside_repositories_and_an_upward_domain_are_reported() {
        List<String> found = violations("io.stipple.shapefixture.bad");

        assertThat(found).anyMatch(v -> v.startsWith("[" + ServiceShape.SERVICE_WITHOUT_REST) && v.contains("GadgetRequest"));
        assertThat(found).anyMatch(v -> v.startsWith("[" + ServiceShape.QUERIES_IN_REPOSITORIES) && v.contains("createNativeQuery"));
        assertThat(found).anyMatch(v -> v.startsWith("[" + ServiceShape.DOMAIN_WITHOUT_FRAMEWORK_LAYERS) && v.contains("Gadget"));
    }

    @Test
    void a_domain_rule_that_throws_the_platforms_problem_exception_is_reported() {
        List<String> found = violations("io.stipple.shapefixture.bad");

        assertThat(found).filteredOn(v -> v.startsWith("[" + ServiceShape.DOMAIN_RAISES_RULE_VIOLATIONS))
                .isNotEmpty()
                .allMatch(v -> v.contains("GadgetLimit") && v.contains(ServiceShape.PROBLEM_EXCEPTION));
        assertThat(ServiceShape.domainRaisesRuleViolations("io.stipple.shapefixture.good")
                .evaluate(new ClassFileImporter().importPackages("io.stipple.shapefixture.good")).hasViolation()).isFalse();
    }

    @Test
    void an_empty_package_is_an_error_not_a_pass() {
        assertThatThrownBy(() -> ServiceShape.check("io.stipple.nothing.here")).isInstanceOf(IllegalStateException.class);
    }
}
