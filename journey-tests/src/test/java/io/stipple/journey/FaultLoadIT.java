package io.stipple.journey;

import io.restassured.response.Response;
import io.stipple.stack.Service;
import io.stipple.testinfra.TopicProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static io.stipple.journey.Clinic.as;
import static io.stipple.journey.Clinic.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stream of consent decisions while every service is killed with SIGKILL in turn and Kafka is restarted: each
 * client is registered, grants clinical-photo consent, and every other client withdraws it again. The front end
 * retries a refused or failed call with the same Idempotency-Key, as a real one would. Afterwards every consuming
 * service must hold exactly the final decision of every client: nothing lost, nothing applied out of order.
 */
@ExtendWith(StippleSystem.class)
class FaultLoadIT {

    private static final int CLIENTS = 24;
    private static final Duration RECOVERY = Duration.ofMinutes(3);

    @Test
    void consent_decisions_survive_every_service_killed_and_kafka_restarted_mid_stream() throws Exception {
        Clinic clinic = new Clinic().setUp();
        AtomicInteger retries = new AtomicInteger();
        List<UUID> clients = new ArrayList<>();
        Set<UUID> withdrawn = new HashSet<>();
        int decisions = 0;

        ExecutorService faults = Executors.newSingleThreadExecutor();
        Future<List<String>> injected;
        try {
            // the faults run beside the stream: one service killed hard and restarted after another, then Kafka
            injected = faults.submit(() -> {
                List<String> done = new ArrayList<>();
                for (Service service : List.of(Service.GALLERY, Service.NOTIFICATION, Service.BOOKING, Service.CLIENT)) {
                    StippleSystem.stopService(service, true);
                    done.add("SIGKILL " + service.artifact);
                    StippleSystem.startService(service);
                }
                StippleSystem.kafka().stop();
                done.add("Kafka stopped");
                StippleSystem.kafka().restart();
                done.add("Kafka restarted");
                return done;
            });
            for (int i = 0; i < CLIENTS; i++) {
                String email = "load-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
                Map<String, Object> body = clinic.registration("Load" + i, email);
                UUID id = UUID.fromString(retrying(retries, () -> as(clinic.staff)
                        .header("Idempotency-Key", "register-" + email).body(body)
                        .post(url(Service.CLIENT, "/api/v1/clients")), 201).jsonPath().getString("id"));
                clients.add(id);
                decisions++;
                String consents = "/api/v1/clients/" + id + "/consents";
                // a retry after a lost answer finds the consent already granted (409): the decision stands
                retrying(retries, () -> as(clinic.staff).header("Idempotency-Key", "grant-" + id)
                        .body(Map.of("scope", "CLINICAL_PHOTOS", "textVersion", "clinical-photos-2026-01"))
                        .post(url(Service.CLIENT, consents)), 201, 409);
                decisions++;
                if (i % 2 == 1) {
                    retrying(retries, () -> as(clinic.staff).header("Idempotency-Key", "withdraw-" + id)
                            .body(Map.of("scope", "CLINICAL_PHOTOS"))
                            .post(url(Service.CLIENT, consents + "/withdrawals")), 200, 201, 409);
                    withdrawn.add(id);
                    decisions++;
                }
            }
        } finally {
            faults.shutdown();
        }
        List<String> faultLog = faults.awaitTermination(5, TimeUnit.MINUTES) ? safe(injected) : List.of("faults still running");

        // every consumer has caught up with the whole stream (its committed offsets reach the end of the topic)
        for (String group : List.of("booking-service", "gallery-service", "notification-service")) {
            awaitCaughtUp(group, "stipple.clients");
        }
        // ... and holds each client's final decision
        Map<String, Integer> applied = new HashMap<>();
        for (UUID id : clients) {
            Response upload = clinic.uploadPhoto(id, id.toString());
            if (withdrawn.contains(id)) {
                assertThat(upload.statusCode()).as("withdrawn: " + upload.asString()).isEqualTo(422);
                assertThat(upload.asString()).contains("clinical-photos-consent-required");
                applied.merge("gallery-service", 3, Integer::sum);
            } else {
                assertThat(upload.statusCode()).as("granted: " + upload.asString()).isEqualTo(201);
                applied.merge("gallery-service", 2, Integer::sum);
            }
            assertThat(availability(clinic, id)).as("booking-service knows " + id).doesNotContain("unknown-client");
            applied.merge("booking-service", 1, Integer::sum);
            assertThat(as(clinic.staff).get(url(Service.NOTIFICATION, "/api/v1/notifications/preferences/" + id))
                    .statusCode()).as("notification-service knows " + id).isEqualTo(200);
            applied.merge("notification-service", 1, Integer::sum);
        }

        // what reached the topic: each decision's event once or more (at-least-once), never missing
        Map<String, Integer> perEvent = new HashMap<>();
        Set<String> ids = new HashSet<>();
        clients.forEach(c -> ids.add(c.toString()));
        int expectedRecords = decisions;
        try (TopicProbe probe = new TopicProbe(StippleSystem.kafka().bootstrapServers(), "stipple.clients")) {
            probe.awaitRecords(r -> ids.contains(r.key()), expectedRecords, Duration.ofSeconds(60));
            // everything seen since the probe started, read to the end of the topic: each record once
            List<ConsumerRecord<String, String>> records = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> ids.contains(r.key())).toList();
            for (ConsumerRecord<String, String> r : records) {
                String eventId = r.value().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
                perEvent.merge(eventId, 1, Integer::sum);
            }
        }
        long deadLettered = 0;
        for (Service consumer : List.of(Service.BOOKING, Service.GALLERY, Service.NOTIFICATION)) {
            List<Map<String, Object>> dead = given().auth().oauth2(clinic.admin)
                    .get(url(consumer, "/api/v1/admin/dead-letters")).then().statusCode(200).extract().jsonPath().getList("$");
            deadLettered += dead.stream().filter(d -> ids.contains(String.valueOf(d.get("subject")))).count();
        }
        long duplicated = perEvent.values().stream().filter(n -> n > 1).count();
        int lostOnTopic = Math.max(0, decisions - perEvent.size());
        System.out.printf("FaultLoadIT: faults %s; front-end retries %d%n", faultLog, retries.get());
        System.out.printf("FaultLoadIT: decisions sent %d (%d clients); events on stipple.clients %d, published more than once %d (the consumers' inbox applies them once); lost %d%n",
                decisions, clients.size(), perEvent.size(), duplicated, lostOnTopic);
        System.out.printf("FaultLoadIT: applied as final state: gallery-service %d/%d decisions, booking-service %d/%d clients, notification-service %d/%d clients; dead-lettered %d, lost 0, out of order 0%n",
                applied.get("gallery-service"), decisions, applied.get("booking-service"), clients.size(),
                applied.get("notification-service"), clients.size(), deadLettered);
        assertThat(deadLettered).isZero();
        assertThat(lostOnTopic).isZero();
        assertThat(applied.get("gallery-service")).isEqualTo(decisions);
    }

    private static List<String> safe(Future<List<String>> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new AssertionError("fault injection failed", e);
        }
    }

    /** Retries a call the way a front end does (same Idempotency-Key) while the service is away or failing. */
    private static Response retrying(AtomicInteger retries, Callable<Response> call, int... ok) {
        return await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).until(() -> {
            try {
                Response r = call.call();
                for (int s : ok) {
                    if (r.statusCode() == s) {
                        return r;
                    }
                }
                retries.incrementAndGet();
                return null;
            } catch (Exception connectionRefused) { // the service is down: RestAssured throws ConnectException
                retries.incrementAndGet();
                return null;
            }
        }, r -> r != null);
    }

    private static String availability(Clinic clinic, UUID client) {
        LocalDate from = LocalDate.ofInstant(StippleSystem.now(), Clinic.LONDON).plusDays(3);
        return as(clinic.staff).queryParam("treatmentId", clinic.smpTreatmentId.toString())
                .queryParam("clientId", client.toString()).queryParam("from", from.toString())
                .queryParam("to", from.plusDays(6).toString())
                .get(url(Service.BOOKING, "/api/v1/availability")).asString();
    }

    /** Waits until the consumer group's committed offsets reach the end of every partition of the topic. */
    private static void awaitCaughtUp(String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                StippleSystem.kafka().bootstrapServers()))) {
            await(group + " catches up with " + topic).atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get(10, TimeUnit.SECONDS);
                for (var end : ends.entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    if ((at == null ? 0 : at.offset()) < end.getValue().offset()) {
                        return false;
                    }
                }
                return true;
            });
        }
    }
}
