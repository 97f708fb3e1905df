package io.stipple.journey;

import io.stipple.stack.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.stipple.journey.Clinic.LONDON;
import static io.stipple.journey.Clinic.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The journey under failure: Kafka down for a while, a service killed hard. Nothing committed is lost, nothing
 * is applied twice, and every reminder is sent exactly once.
 */
@ExtendWith(StippleSystem.class)
class FailureIT {

    /**
     * Long enough for a reminder whose first send attempt failed transiently (the dispatcher retries with
     * backoff, 30 s at first) to go out on a retry: recovering that way is part of what is tested.
     */
    private static final Duration RECOVERY = Duration.ofMinutes(3);

    private static LocalDate aFewDaysAhead() {
        return LocalDate.ofInstant(StippleSystem.now(), LONDON).plusDays(3);
    }

    @Test
    void with_kafka_down_mid_journey_changes_commit_and_are_delivered_once_it_is_back() {
        Clinic clinic = new Clinic().setUp();
        Clinic.Client client = clinic.clientWithAgreedPlan("Casey", List.of("TREATMENT"));
        LocalDate day = aFewDaysAhead();
        clinic.availabilityOnceKnown(client, day);
        UUID booking = clinic.book(client, at(day, "08:00")).getUUID("id");

        StippleSystem.kafka().stop();
        Clinic.Client newcomer;
        try {
            // every service keeps committing its own changes into its outbox while the broker is away
            clinic.complete(booking, at(day, "08:00"), 210);
            newcomer = clinic.clientWithAgreedPlan("Dana", List.of("TREATMENT"));
        } finally {
            StippleSystem.kafka().restart();
        }

        // SessionCompleted reaches notification-service: the aftercare timeline appears once and day 0 is mailed once
        await().atMost(RECOVERY).until(() -> count(clinic.notifications(client.id()), "AFTERCARE_INSTRUCTIONS") == 1
                && Clinic.aftercareMailsTo(client.email()).size() == 1);
        // the client registered during the outage reaches booking-service: their plan can be booked
        clinic.availabilityOnceKnown(newcomer, day.plusDays(1));
        assertNoDuplicatesFor(clinic, client);
    }

    @Test
    void a_service_killed_hard_drains_its_outbox_and_its_consumers_resume_where_they_left_off() {
        Clinic clinic = new Clinic().setUp();
        Clinic.Client first = clinic.clientWithAgreedPlan("Eli", List.of("TREATMENT"));
        Clinic.Client second = clinic.clientWithAgreedPlan("Frankie", List.of("TREATMENT"));
        LocalDate day = aFewDaysAhead();
        clinic.availabilityOnceKnown(first, day);
        clinic.availabilityOnceKnown(second, day);
        UUID firstBooking = clinic.book(first, at(day, "08:00")).getUUID("id");
        UUID secondBooking = clinic.book(second, at(day, "12:00")).getUUID("id");

        // notification-service crashes: the events published meanwhile wait in Kafka for its consumer group
        StippleSystem.stopService(Service.NOTIFICATION, true);
        clinic.complete(firstBooking, at(day, "08:00"), 210);
        StippleSystem.startService(Service.NOTIFICATION);

        // booking-service crashes right after a commit: whatever its relay had not sent yet is still in its outbox
        clinic.complete(secondBooking, at(day, "12:00"), 210);
        StippleSystem.stopService(Service.BOOKING, true);
        StippleSystem.startService(Service.BOOKING);

        for (Clinic.Client client : List.of(first, second)) {
            await().atMost(RECOVERY).until(() -> count(clinic.notifications(client.id()), "AFTERCARE_INSTRUCTIONS") == 1
                    && Clinic.aftercareMailsTo(client.email()).size() == 1);
        }
        // a quiet moment more, then still exactly one of each: nothing was sent twice
        Instant settle = Instant.now().plus(Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(settle));
        for (Clinic.Client client : List.of(first, second)) {
            assertThat(Clinic.aftercareMailsTo(client.email())).hasSize(1);
            assertNoDuplicatesFor(clinic, client);
        }
    }

    private static long count(List<Map<String, Object>> notifications, String type) {
        return notifications.stream().filter(n -> type.equals(n.get("type"))).count();
    }

    /** Each reminder (type, channel, booking, due time) appears once: a redelivered event planned nothing twice. */
    private static void assertNoDuplicatesFor(Clinic clinic, Clinic.Client client) {
        List<Map<String, Object>> log = clinic.notifications(client.id());
        List<String> keys = log.stream()
                .map(n -> n.get("type") + "/" + n.get("channel") + "/" + n.get("bookingId") + "/" + n.get("dueAt")).toList();
        assertThat(keys).doesNotHaveDuplicates();
    }
}
