package io.stipple.journey;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.stipple.stack.RoundRobinProxy;
import io.stipple.stack.Service;
import io.stipple.testinfra.EmbeddedPostgresServer;
import io.stipple.testinfra.TopicProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.stipple.journey.Clinic.LONDON;
import static io.stipple.journey.Clinic.as;
import static io.stipple.journey.Clinic.at;
import static io.stipple.journey.Clinic.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Proof that the journey really runs on two replicas of every service (issue 15 point 4): each proxy sent requests
 * to both instances, each consumer group has members on both sharing the partitions, relays and consumers on two
 * instances deliver every event and send every e-mail once, an {@code Idempotency-Key} holds across instances and the
 * partner rate limit holds for the clinic as a whole. Holds across instances: {@link TwoInstanceBookingIT}. Skipped
 * when the journey runs one instance of each ({@code -Dstipple.journey.replicas=1}).
 */
@ExtendWith(StippleSystem.class)
class TwoReplicaProofIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @BeforeAll
    static void onTwoReplicas() {
        assumeTrue(StippleSystem.REPLICAS >= 2, "the journey runs one instance of each service (-Dstipple.journey.replicas=1)");
    }

    @AfterEach
    void giveTheClockBack() {
        StippleSystem.setClockOffset(Duration.ZERO);
    }

    @Test
    void every_proxy_sent_requests_to_both_instances() {
        new Clinic().setUp(); // a little traffic of its own for every service, whatever ran before
        for (Service s : Service.values()) {
            Http.get(StippleSystem.baseUrl(s) + "/q/health/ready").send();
            Http.get(StippleSystem.baseUrl(s) + "/q/health/ready").send();
        }
        for (Service s : Service.values()) {
            RoundRobinProxy proxy = StippleSystem.stack().proxy(s).orElseThrow();
            System.out.printf("TwoReplicaProofIT: %s requests answered per instance %s (%s)%n", s.artifact,
                    proxy.answered(), proxy);
            assertThat(proxy.answered()).as(s.artifact).hasSize(StippleSystem.REPLICAS).allMatch(n -> n > 0);
        }
    }

    @Test
    void every_consumer_group_has_members_on_both_instances_sharing_each_topics_partitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                StippleSystem.kafka().bootstrapServers()))) {
            for (String group : List.of("booking-service", "gallery-service", "notification-service")) {
                // after a restart the group may still be rebalancing: wait until it is stable and every member has work
                Map<String, Integer> membersByTopic = await("consumer group " + group).atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> membersByTopic(admin, group), m -> m != null && !m.isEmpty()
                                && m.values().stream().allMatch(n -> n >= StippleSystem.REPLICAS));
                System.out.printf("TwoReplicaProofIT: consumer group %s, members holding partitions per topic %s%n",
                        group, membersByTopic);
            }
        }
    }

    /** Per topic, how many members hold partitions of it; null unless the group is stable. */
    private static Map<String, Integer> membersByTopic(Admin admin, String group) throws Exception {
        ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        if (d.groupState() != GroupState.STABLE) {
            return null;
        }
        Map<String, Set<String>> members = new TreeMap<>();
        for (MemberDescription m : d.members()) {
            for (TopicPartition p : m.assignment().topicPartitions()) {
                members.computeIfAbsent(p.topic(), t -> new java.util.HashSet<>()).add(m.consumerId());
            }
        }
        return members.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size(),
                (a, b) -> a, TreeMap::new));
    }

    /**
     * Six clients registered, booked and completed through the proxies: every event of the clinic is on its topic
     * once, every day-0 aftercare e-mail was sent once, and no reminder was mailed twice (two dispatchers never sent
     * one twice: each mail's Message-ID comes from its reminder's dedupe key).
     */
    @Test
    void relays_consumers_and_dispatchers_on_two_instances_deliver_each_event_and_send_each_email_once() throws Exception {
        Clinic clinic = new Clinic().setUp();
        List<Clinic.Client> clients = new ArrayList<>();
        for (String name : List.of("Ada", "Ben", "Cleo", "Dev", "Esa", "Fin")) {
            clients.add(clinic.clientWithAgreedPlan(name, List.of("TREATMENT")));
        }
        // one session a day (Norwood 6: 210 min), from three days ahead
        LocalDate first = LocalDate.ofInstant(StippleSystem.now(), LONDON).plusDays(3);
        List<UUID> bookings = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            clinic.availabilityOnceKnown(clients.get(i), first.plusDays(i));
            bookings.add(clinic.book(clients.get(i), at(first.plusDays(i), "08:00")).getUUID("id"));
        }
        for (int i = 0; i < clients.size(); i++) {
            clinic.complete(bookings.get(i), at(first.plusDays(i), "08:00"), 210);
        }
        for (Clinic.Client c : clients) {
            await("aftercare e-mail to " + c.email()).atMost(PATIENCE)
                    .until(() -> Clinic.aftercareMailsTo(c.email()).size() >= 1);
        }

        // the clinic's events, read from the beginning: each CloudEvent id once
        Map<String, Long> perId;
        int events;
        try (TopicProbe topics = new TopicProbe(StippleSystem.kafka().bootstrapServers(), "stipple.clients",
                "stipple.bookings")) {
            List<ConsumerRecord<String, String>> ours = topics.awaitRecords(r -> r.value().contains(clinic.id.toString())
                    && r.value().contains("io.stipple.SessionCompleted"), clients.size(), PATIENCE);
            assertThat(ours).hasSize(clients.size());
            List<ConsumerRecord<String, String>> all = topics.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> r.value().contains(clinic.id.toString())).toList();
            events = all.size();
            perId = all.stream().collect(Collectors.groupingBy(r -> io.restassured.path.json.JsonPath.from(r.value()).getString("id"),
                    Collectors.counting()));
        }
        Map<String, Long> twice = perId.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        // e-mails: a quiet moment, then each aftercare mail still once, and no reminder mailed twice (the Message-ID
        // is made from the reminder's dedupe key: a second send of one reminder repeats it)
        Instant settle = Instant.now().plus(Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(settle));
        List<String> messageIds = new ArrayList<>();
        for (Clinic.Client c : clients) {
            for (jakarta.mail.internet.MimeMessage m : Clinic.mailsTo(c.email())) {
                messageIds.add(m.getMessageID());
            }
        }
        int mails = messageIds.size();
        int sent = sentEmailReminders(clients.stream().map(Clinic.Client::id).toList());
        int aftercare = clients.stream().mapToInt(c -> Clinic.aftercareMailsTo(c.email()).size()).sum();
        System.out.printf("TwoReplicaProofIT: clinic events on the topics %d, distinct %d, published twice %d; "
                        + "e-mails received %d (distinct Message-IDs %d; aftercare %d for %d sessions), "
                        + "reminders recorded SENT by e-mail %d%n",
                events, perId.size(), twice.size(), mails, new java.util.HashSet<>(messageIds).size(), aftercare,
                clients.size(), sent);
        Map<Service, List<Double>> published = publishedPerInstance();
        assertThat(twice).as("events published twice").isEmpty();
        published.forEach((s, perInstance) -> assertThat(perInstance).as(s.artifact + " relays").allMatch(n -> n > 0));
        assertThat(aftercare).as("aftercare e-mails").isEqualTo(clients.size());
        assertThat(messageIds).as("Message-IDs of the e-mails received").doesNotHaveDuplicates().doesNotContainNull();
        assertThat(sent).as("reminders recorded as sent by e-mail").isPositive();
    }

    /** Notification-service's e-mail reminders recorded as sent for these clients (as owner, below RLS). */
    private static int sentEmailReminders(List<UUID> clients) throws Exception {
        EmbeddedPostgresServer postgres = StippleSystem.stack().postgres();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(Service.NOTIFICATION.database),
                postgres.username(), postgres.password());
             PreparedStatement ps = c.prepareStatement("select count(*) from scheduled_reminder "
                     + "where status = 'SENT' and channel = 'EMAIL' and client_id = any (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", clients.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Each publisher's outbox relay: events published per instance since it started
     * ({@code stipple_outbox_published_total}, printed); the relay of each instance takes its turn.
     */
    private static Map<Service, List<Double>> publishedPerInstance() {
        Pattern published = Pattern.compile("(?m)^stipple_outbox_published_total(?:\\{[^}]*\\})? ([0-9.E]+)$");
        Map<Service, List<Double>> all = new java.util.EnumMap<>(Service.class);
        for (Service s : List.of(Service.CLIENT, Service.BOOKING)) {
            List<Double> perInstance = StippleSystem.instanceUrls(s).stream().map(url -> {
                Matcher m = published.matcher(RestAssured.get(url + "/q/metrics").asString());
                return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
            }).toList();
            System.out.printf("TwoReplicaProofIT: %s outbox events published per instance since its start %s%n",
                    s.artifact, perInstance);
            all.put(s, perInstance);
        }
        return all;
    }

    @Test
    void one_idempotency_key_sent_to_each_instance_makes_one_client() {
        Clinic clinic = new Clinic().setUp();
        List<String> instances = StippleSystem.instanceUrls(Service.CLIENT);
        String email = "twice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Map<String, Object> body = clinic.registration("Twice", email);
        String key = "register-" + email;

        Function<String, Response> register = instance -> as(clinic.staff).header("Idempotency-Key", key).body(body)
                .post(instance + "/api/v1/clients");
        Response first = register.apply(instances.get(0));
        Response second = register.apply(instances.get(1));

        String id = ok(first, 201).getString("id");
        assertThat(ok(second, 201).getString("id")).as("the retry on the other instance").isEqualTo(id);
        assertThat(second.getHeader("Idempotent-Replayed")).isEqualTo("true");
        List<Object> found = ok(as(clinic.staff).queryParam("email", email)
                .get(instances.get(1) + "/api/v1/clients"), 200).getList("items");
        System.out.printf("TwoReplicaProofIT: Idempotency-Key sent to %s then %s: ids %s / %s, clients with the e-mail %d%n",
                instances.get(0), instances.get(1), id, second.jsonPath().getString("id"), found.size());
        assertThat(found).hasSize(1);
    }

    @Test
    void the_partner_rate_limit_holds_for_the_clinic_across_both_instances() {
        Clinic clinic = new Clinic().setUp();
        String partner = clinic.registerPartner("proof-" + UUID.randomUUID().toString().substring(0, 8), "Proof Partner");
        List<String> instances = StippleSystem.instanceUrls(Service.BOOKING);
        Function<Integer, Response> call = n -> RestAssured.given().auth().oauth2(partner).queryParam("size", 1)
                .get(instances.get(n % instances.size()) + "/api/v1/treatments");

        // the window began while the services learnt the partner; start the count in a window with time to spare
        Response opening = await("a partner window with 30 s left").atMost(Duration.ofSeconds(75))
                .pollInterval(Duration.ofSeconds(1)).until(() -> call.apply(0),
                        r -> r.statusCode() == 200 && Integer.parseInt(r.getHeader("RateLimit-Reset")) >= 30);
        int limit = Integer.parseInt(opening.getHeader("RateLimit-Limit"));
        int remaining = Integer.parseInt(opening.getHeader("RateLimit-Remaining"));
        int[] perInstance = new int[instances.size()];
        perInstance[0]++;
        for (int n = 1; n <= remaining; n++) {
            Response r = call.apply(n);
            assertThat(r.statusCode()).as("request " + n + " of the remaining " + remaining).isEqualTo(200);
            perInstance[n % instances.size()]++;
        }
        Response over = call.apply(remaining + 1);
        perInstance[(remaining + 1) % instances.size()]++;
        System.out.printf("TwoReplicaProofIT: partner limit %d per window; request %d of the window (%d made before this "
                        + "test's, %d alternating over %d instances %s) answered %d, Retry-After %s%n", limit,
                limit + 1, limit - remaining - 1, remaining + 2, instances.size(),
                java.util.Arrays.toString(perInstance), over.statusCode(), over.getHeader("Retry-After"));
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.getHeader("Retry-After")).isNotBlank();
        assertThat(perInstance).as("requests per instance").doesNotContain(0);
    }
}
