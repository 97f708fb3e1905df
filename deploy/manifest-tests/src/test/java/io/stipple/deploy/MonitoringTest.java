package io.stipple.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/monitoring as the prod overlay renders it: every alert has a duration, a severity, a summary, a description
 * and a runbook section in deploy/README.md; the Grafana dashboard is valid JSON in a ConfigMap the Grafana sidecar
 * picks up and shows every metric the alerts watch. (The PrometheusRule and the PodMonitor are validated against the
 * Prometheus Operator's CRD schemas with every other resource: DeployOverlaysTest, ApiSchemasTest. That the services
 * really serve these metrics is TraceJourneyIT's part.)
 */
class MonitoringTest {
    /** A metric name in an expression: the platform's (stipple_, notification_) and Quarkus' HTTP server metrics. */
    static final Pattern METRIC = Pattern.compile("\\b((?:stipple|notification|http_server)_[a-z0-9_]+)\\b");

    static Manifests prod;
    static JsonNode rules;

    @BeforeAll
    static void render() {
        prod = Renderer.render(ProjectModel.repositoryRoot().resolve("deploy/k8s/overlays/prod"));
        rules = prod.get("PrometheusRule", "stipple-alerts");
    }

    static List<JsonNode> alerts() {
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode group : rules.at("/spec/groups")) {
            group.path("rules").forEach(alerts::add);
        }
        return alerts;
    }

    static Set<String> metrics(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void theProdOverlayShipsTheAlertsThePodMonitorAndTheDashboard() {
        assertThat(prod.ofKind("PrometheusRule")).hasSize(1);
        assertThat(prod.ofKind("PodMonitor")).hasSize(1);
        assertThat(rules.path("metadata").path("namespace").asText()).isEqualTo("stipple");
        assertThat(alerts()).extracting(a -> a.path("alert").asText()).containsExactlyInAnyOrder(
                "StippleOutboxLagging", "StippleOutboxBacklog", "StippleConsumerRetrying", "StippleDeadLetters",
                "StippleRemindersLate", "StippleServerErrors");
    }

    @Test
    void everyAlertHasADurationASeveritySummaryDescriptionAndARunbookSection() throws IOException {
        String readme = Files.readString(ProjectModel.repositoryRoot().resolve("deploy/README.md"));
        for (JsonNode alert : alerts()) {
            String name = alert.path("alert").asText();
            assertThat(alert.path("for").asText()).as("%s for", name).matches("[0-9]+[smh]");
            assertThat(alert.at("/labels/severity").asText()).as("%s severity", name).isIn("warning", "critical");
            assertThat(alert.at("/annotations/summary").asText()).as("%s summary", name).isNotBlank();
            assertThat(alert.at("/annotations/description").asText()).as("%s description", name).isNotBlank();
            String anchor = name.toLowerCase(Locale.ROOT);
            assertThat(alert.at("/annotations/runbook_url").asText()).as("%s runbook", name)
                    .isEqualTo("deploy/README.md#" + anchor);
            assertThat(readme).as("deploy/README.md has the runbook of %s", name).contains("#### " + name + "\n");
            assertThat(metrics(alert.path("expr").asText())).as("%s watches a metric", name).isNotEmpty();
        }
    }

    @Test
    void theDashboardIsJsonForTheGrafanaSidecarAndShowsEveryMetricTheAlertsWatch() throws IOException {
        ObjectNode map = prod.get("ConfigMap", "stipple-grafana-dashboard");
        assertThat(map.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        JsonNode dashboard = new ObjectMapper().readTree(map.at("/data/stipple-dashboard.json").asText());
        assertThat(dashboard.path("uid").asText()).isEqualTo("stipple-operations");
        StringBuilder expressions = new StringBuilder();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> expressions.append(t.path("expr").asText()).append('\n')));
        Set<String> alerted = new TreeSet<>();
        alerts().forEach(a -> alerted.addAll(metrics(a.path("expr").asText())));
        assertThat(metrics(expressions.toString())).containsAll(alerted);
    }
}
