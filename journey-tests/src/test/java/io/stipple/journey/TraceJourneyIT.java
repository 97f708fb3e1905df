package io.stipple.journey;

import io.restassured.path.json.JsonPath;
import io.stipple.journey.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.stipple.journey.Clinic.LONDON;
import static io.stipple.journey.Clinic.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16 point 5: one trace from the completion request to the aftercare e-mail, across three hops and two
 * services. The services export their spans by OTLP/HTTP to the journey's receiver ({@link OtlpReceiver}, started by
 * {@link StippleSystem}). A session is booked, checked in and completed ({@code POST /bookings/{id}/complete}); the
 * clock moves to when the aftercare instructions are due; once the e-mail has arrived, ONE trace holds booking-service's
 * server span of the completion, notification-service's consumer span of SessionCompleted and its "reminder send" span
 * of the e-mail, linked parent to child into one tree rooted at the completion request. No span attribute of any trace
 * carries the client's e-mail address, name or phone number.
 *
 * <p>Also: every metric the alerts and the dashboard under {@code deploy/monitoring} use is served on {@code /q/metrics}
 * by the running services.
 */
@ExtendWith(StippleSystem.class)
class TraceJourneyIT {

    /** The services' clock is shared by every test class: give it back as found. */
    @AfterAll
    static void giveTheClockBack() {
        StippleSystem.setClockOffset(Duration.ZERO);
    }

    @Test
    void the_completion_request_session_completed_and_the_aftercare_email_are_one_trace() {
        Clinic clinic = new Clinic().setUp();
        Clinic.Client client = clinic.clientWithAgreedPlan("Quillon", List.of("TREATMENT"));
        LocalDate day = LocalDate.now(LONDON).plusDays(3);
        JsonPath availability = clinic.availabilityOnceKnown(client, day);
        Instant startsAt = OffsetDateTime.parse(availability.getString("slots[0].startsAt")).toInstant();
        UUID booking = clinic.book(client, startsAt).getUUID("id");

        Instant completedAt = clinic.complete(booking, startsAt, availability.getInt("sessionMinutes"));

        // booking-service's server span of the completion request starts the trace
        OtlpReceiver receiver = StippleSystem.traces();
        String completionPath = "/api/v1/bookings/" + booking + "/complete";
        ReceivedSpan completion = await("booking-service's span of POST " + completionPath).atMost(PATIENCE)
                .until(() -> receiver.all().stream()
                        .filter(s -> s.service().equals("booking-service") && s.kind().equals("SERVER"))
                        .filter(s -> s.attributes().values().stream().anyMatch(v -> v.contains(completionPath)))
                        .findFirst(), Optional::isPresent).get();
        assertThat(completion.parentSpanId()).as("the request came with no trace of its own").isEmpty();

        // the aftercare instructions are planned at SessionCompleted; when due, the e-mail goes out
        Map<String, Object> instructions = await("the aftercare instructions are planned").atMost(PATIENCE)
                .until(() -> clinic.notifications(client.id()).stream()
                        .filter(n -> "AFTERCARE_INSTRUCTIONS".equals(n.get("type")) && "EMAIL".equals(n.get("channel")))
                        .findFirst(), Optional::isPresent).get();
        Instant due = Instant.parse(String.valueOf(instructions.get("dueAt")));
        assertThat(due).isAfterOrEqualTo(completedAt.minusSeconds(1));
        if (due.isAfter(StippleSystem.now())) {
            StippleSystem.moveClockTo(due.plusSeconds(1));
        }
        await("the aftercare e-mail").atMost(PATIENCE).until(() -> !Clinic.aftercareMailsTo(client.email()).isEmpty());

        // one trace: completion → (outbox, Kafka) → SessionCompleted in notification-service → the reminder's send
        String traceId = completion.traceId();
        List<ReceivedSpan> trace = await("the trace's spans, parents included").atMost(Duration.ofSeconds(30))
                .until(() -> receiver.trace(traceId), spans -> has(spans, "notification-service", "CONSUMER",
                        "SessionCompleted process") && sends(spans).size() > 0 && everyParentArrived(spans));
        ReceivedSpan consumed = one(trace, "notification-service", "CONSUMER", "SessionCompleted process");
        assertThat(consumed.attributes()).containsEntry("messaging.system", "kafka")
                .containsEntry("messaging.destination.name", "stipple.bookings")
                .containsEntry("cloudevents.event_type", "io.stipple.SessionCompleted")
                .containsKey("cloudevents.event_id");
        ReceivedSpan send = sends(trace).get(0);
        assertThat(send.attributes()).containsEntry("stipple.reminder.channel", "EMAIL")
                .containsEntry("stipple.reminder.outcome", "SENT");

        Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity()));
        assertThat(ancestors(consumed, byId)).as("the consumer span descends from the completion request")
                .contains(completion.spanId());
        assertThat(ancestors(send, byId)).as("the send descends from the SessionCompleted consumer span")
                .contains(consumed.spanId(), completion.spanId());
        List<ReceivedSpan> roots = trace.stream().filter(s -> !byId.containsKey(s.parentSpanId())).toList();
        assertThat(roots).as("one tree: the completion request is the only span without a parent in the trace")
                .containsExactly(completion);
        System.out.printf("TraceJourneyIT: trace %s has %d spans from %s%n", traceId, trace.size(),
                trace.stream().map(ReceivedSpan::service).collect(Collectors.toCollection(java.util.TreeSet::new)));

        // no personal data in any attribute of any span received so far (every test's traffic)
        List<String> personal = List.of(client.email(), client.firstName(), "Blake",
                clinic.registrationOf(client.firstName(), client.email()).phone());
        List<String> leaks = new ArrayList<>();
        for (ReceivedSpan span : receiver.all()) {
            span.attributes().forEach((key, value) -> {
                for (String data : personal) {
                    if (value.contains(data)) {
                        leaks.add(span.service() + " " + span.name() + " " + key + "=" + value);
                    }
                }
            });
        }
        assertThat(leaks).as("span attributes carrying the client's e-mail, name or phone").isEmpty();
    }

    @Test
    void every_metric_the_alerts_and_the_dashboard_use_is_served_by_the_services() throws Exception {
        java.nio.file.Path monitoring = java.nio.file.Path.of(System.getProperty("stipple.root", "..")).resolve("deploy/monitoring");
        String used = java.nio.file.Files.readString(monitoring.resolve("prometheus-rules.yaml"))
                + java.nio.file.Files.readString(monitoring.resolve("stipple-dashboard.json"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b((?:stipple|notification|http_server)_[a-z0-9_]+)\\b")
                .matcher(used);
        Set<String> names = new java.util.TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).contains("stipple_outbox_oldest_pending_seconds", "stipple_inbox_retries_total",
                "stipple_inbox_dead_letter_records", "stipple_work_due_lag_seconds", "http_server_requests_seconds_count");

        // metrics are per instance (Prometheus scrapes each pod): every instance of every service is asked directly,
        // past the round-robin proxy; one answered request to each, so its HTTP server timer has a sample even if no
        // other test reached that instance
        List<String> instances = new ArrayList<>();
        Map<String, String> serviceOf = new java.util.HashMap<>();
        for (io.stipple.stack.Service service : io.stipple.stack.Service.values()) {
            for (String url : StippleSystem.instanceUrls(service)) {
                instances.add(url);
                serviceOf.put(url, service.artifact);
                assertThat(io.restassured.RestAssured.get(url + "/api/v1/no-such-resource").statusCode()).isBetween(400, 499);
            }
        }
        // served = a sample line of that name (a metric with no sample yet is not served); the dead-letter depth is
        // counted 10 s after start, the reminder due-lag at the dispatcher's first round: wait for them
        Map<String, Set<String>> servedBy = new java.util.TreeMap<>();
        await("every metric the monitoring uses on /q/metrics").atMost(PATIENCE).until(() -> {
            servedBy.clear();
            for (String url : instances) {
                String metrics = io.restassured.RestAssured.get(url + "/q/metrics").asString();
                for (String line : metrics.split("\n")) {
                    if (!line.startsWith("#") && !line.isBlank()) {
                        String name = line.split("[{ ]", 2)[0];
                        servedBy.computeIfAbsent(name, k -> new java.util.TreeSet<>()).add(url);
                    }
                }
            }
            return servedBy.keySet().containsAll(names);
        });
        // the platform's outbox, inbox and HTTP metrics come from every instance of every service
        for (String everywhere : List.of("stipple_outbox_oldest_pending_seconds", "stipple_outbox_pending_rows",
                "http_server_requests_seconds_count")) {
            assertThat(servedBy.get(everywhere)).as(everywhere).containsExactlyInAnyOrderElementsOf(instances);
        }
        assertThat(new java.util.TreeSet<>(serviceOf.values())).hasSize(4);
        System.out.printf("TraceJourneyIT: %d metric names used by deploy/monitoring, all served: %s%n", names.size(), names);
    }

    private static List<ReceivedSpan> sends(List<ReceivedSpan> trace) {
        return trace.stream().filter(s -> s.service().equals("notification-service") && s.name().equals("reminder send")
                && "AFTERCARE_INSTRUCTIONS".equals(s.attributes().get("stipple.reminder.type"))).toList();
    }

    private static boolean has(List<ReceivedSpan> trace, String service, String kind, String name) {
        return trace.stream().anyMatch(s -> s.service().equals(service) && s.kind().equals(kind) && s.name().equals(name));
    }

    private static ReceivedSpan one(List<ReceivedSpan> trace, String service, String kind, String name) {
        List<ReceivedSpan> found = trace.stream()
                .filter(s -> s.service().equals(service) && s.kind().equals(kind) && s.name().equals(name)).toList();
        assertThat(found).as("%s %s span %s in %s", service, kind, name, trace).hasSize(1);
        return found.get(0);
    }

    /** Every span's parent is in the trace, except the root's (none). */
    private static boolean everyParentArrived(List<ReceivedSpan> trace) {
        Set<String> ids = trace.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
        return trace.stream().filter(s -> !ids.contains(s.parentSpanId())).count() == 1;
    }

    /** The span ids from the span's parent up to the root. */
    private static List<String> ancestors(ReceivedSpan span, Map<String, ReceivedSpan> byId) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ReceivedSpan at = byId.get(span.parentSpanId());
        while (at != null && seen.add(at.spanId())) {
            chain.add(at.spanId());
            at = byId.get(at.parentSpanId());
        }
        return chain;
    }
}
