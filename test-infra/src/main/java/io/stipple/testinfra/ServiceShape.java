package io.stipple.testinfra;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The one shape of a Stipple service (docs/CONTRIBUTING.md), checked by ArchUnit on the service's main classes. Every
 * service runs it from a test of its own:
 *
 * <pre>{@code
 * @Test
 * void followsTheServiceShape() {
 *     ServiceShape.check("io.stipple.booking");
 * }
 * }</pre>
 *
 * <ul>
 *     <li><b>{@link #SERVICE_WITHOUT_REST}</b>: {@code service} and {@code domain} do not use {@code rest} types
 *     (requests, views, mappers, resources): the HTTP layer maps to commands and domain types, not the other way.</li>
 *     <li><b>{@link #QUERIES_IN_REPOSITORIES}</b>: every query and every persistence call — the
 *     {@code EntityManager}'s queries, JDBC, the Panache API of entities and repositories — is made in
 *     {@code repository}: one way to persist.</li>
 *     <li><b>{@link #DOMAIN_WITHOUT_FRAMEWORK_LAYERS}</b>: {@code domain} does not use {@code service},
 *     {@code messaging} or {@code repository}.</li>
 *     <li><b>{@link #DOMAIN_RAISES_RULE_VIOLATIONS}</b>: {@code domain} does not use the platform's
 *     {@code ProblemException} (an HTTP answer); a broken rule throws the platform's {@code RuleViolation}, which the
 *     platform maps to the same problem.</li>
 * </ul>
 */
public final class ServiceShape {

    public static final String SERVICE_WITHOUT_REST = "service and domain use no rest type";
    public static final String QUERIES_IN_REPOSITORIES = "queries and persistence only in repository";
    public static final String DOMAIN_WITHOUT_FRAMEWORK_LAYERS = "domain uses no service, messaging or repository type";
    public static final String DOMAIN_RAISES_RULE_VIOLATIONS = "domain throws RuleViolation, not ProblemException";

    /** The platform's HTTP-shaped exception (by name: this module does not depend on the platform). */
    static final String PROBLEM_EXCEPTION = "io.stipple.platform.problem.ProblemException";

    /** Methods of the Panache API (entities' static and instance methods, repositories) that read or write. */
    private static final Set<String> PANACHE_METHODS = Set.of("find", "findAll", "findById", "findByIdOptional",
            "list", "listAll", "stream", "streamAll", "count", "update", "delete", "deleteAll", "deleteById",
            "persist", "persistAndFlush", "flush", "getEntityManager", "getSession", "isPersistent");
    private static final Set<String> ENTITY_MANAGER_QUERIES = Set.of("createQuery", "createNativeQuery",
            "createNamedQuery", "createStoredProcedureQuery", "find", "persist", "merge", "remove", "getReference",
            "lock", "refresh", "unwrap");

    private ServiceShape() {
    }

    /** The rules for the service whose classes live under {@code basePackage} (e.g. {@code io.stipple.booking}). */
    public static List<ArchRule> rules(String basePackage) {
        String service = basePackage + ".service..";
        String domain = basePackage + ".domain..";
        String rest = basePackage + ".rest..";
        String repository = basePackage + ".repository..";
        return List.of(
                noClasses().that().resideInAnyPackage(service, domain)
                        .should().dependOnClassesThat().resideInAPackage(rest)
                        .as(SERVICE_WITHOUT_REST)
                        .because("the HTTP layer maps requests to commands and domain types; the service layer must not "
                                + "depend on it (docs/CONTRIBUTING.md)"),
                noClasses().that().resideOutsideOfPackage(repository)
                        .should().callMethodWhere(persistenceCall())
                        .orShould().dependOnClassesThat().resideInAPackage("java.sql..")
                        .as(QUERIES_IN_REPOSITORIES)
                        .because("one way to persist: queries and persistence calls live in the aggregate's repository "
                                + "(docs/CONTRIBUTING.md)"),
                noClasses().that().resideInAPackage(domain)
                        .should().dependOnClassesThat().resideInAnyPackage(service, basePackage + ".messaging..", repository)
                        .as(DOMAIN_WITHOUT_FRAMEWORK_LAYERS)
                        .because("rules live in the domain and are unit-tested without the framework layers"),
                domainRaisesRuleViolations(basePackage));
    }

    /**
     * {@value #DOMAIN_RAISES_RULE_VIOLATIONS}: no class in {@code domain} uses {@code ProblemException} or a subclass
     * (throwing, catching or calling its factories). Part of {@link #rules}.
     */
    public static ArchRule domainRaisesRuleViolations(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().areAssignableTo(PROBLEM_EXCEPTION)
                .as(DOMAIN_RAISES_RULE_VIOLATIONS)
                .because("a broken rule is the domain's RuleViolation, which names no HTTP type; the platform maps it "
                        + "to the same problem (docs/CONTRIBUTING.md)");
    }

    /** The service's main classes (not its tests). */
    public static JavaClasses classes(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    /** The violations of each rule (empty when the service has the shape). */
    public static List<String> violations(JavaClasses classes, String basePackage) {
        if (classes.isEmpty()) {
            throw new IllegalStateException("no classes under " + basePackage + ": nothing was checked");
        }
        List<String> violations = new ArrayList<>();
        for (ArchRule rule : rules(basePackage)) {
            EvaluationResult result = rule.evaluate(classes);
            result.getFailureReport().getDetails().forEach(d -> violations.add("[" + rule.getDescription() + "] " + d));
        }
        return violations;
    }

    /** Fails with every violation, one per line, when the service under {@code basePackage} lacks the shape. */
    public static void check(String basePackage) {
        List<String> violations = violations(classes(basePackage), basePackage);
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " violation(s) of the service shape (docs/CONTRIBUTING.md):\n  "
                    + String.join("\n  ", violations));
        }
    }

    private static DescribedPredicate<JavaCall<?>> persistenceCall() {
        return new DescribedPredicate<>("a query or persistence call (EntityManager, Panache)") {
            @Override
            public boolean test(JavaCall<?> call) {
                JavaClass owner = call.getTargetOwner();
                String name = call.getName();
                if (owner.isAssignableTo("jakarta.persistence.EntityManager")
                        || owner.isAssignableTo("org.hibernate.Session")) {
                    return ENTITY_MANAGER_QUERIES.contains(name);
                }
                if (owner.isAssignableTo("io.quarkus.hibernate.orm.panache.PanacheEntityBase")
                        || owner.isAssignableTo("io.quarkus.hibernate.orm.panache.PanacheRepositoryBase")) {
                    return PANACHE_METHODS.contains(name);
                }
                return false;
            }
        };
    }
}
