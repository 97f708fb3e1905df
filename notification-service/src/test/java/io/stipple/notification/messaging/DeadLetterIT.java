package io.stipple.notification.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.testinfra.StippleInfra;
import io.stipple.testinfra.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.stipple.notification.Events.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A message that can never be processed goes to the dead-letter topic with the reason; the consumer goes on. */
@QuarkusTest
class DeadLetterIT {

    @Test
    void a_poison_message_is_dead_lettered_and_the_next_event_is_still_applied() {
        String bootstrap = StippleInfra.get().kafka().bootstrapServers();
        UUID client = UUID.randomUUID();
        UUID clinic = UUID.randomUUID();
        Events.knownClient(clinic, client);
        TopicProbe.send(bootstrap, "stipple.bookings", client.toString(), "{not json", Map.of());
        var invalid = Events.example("booking-service", "BookingConfirmed", clinic, client, data("bookingId", null));
        Events.send("stipple.bookings", invalid);
        UUID booking = UUID.randomUUID();
        Events.publish("booking-service", "BookingConfirmed", clinic, client, data("bookingId", booking));

        try (TopicProbe probe = new TopicProbe(bootstrap, "stipple.dlq.notification-service")) {
            var dead = probe.awaitRecords(r -> client.toString().equals(r.key()), 2, Duration.ofSeconds(40));
            assertThat(dead).extracting(r -> TopicProbe.header(r, "dead-letter-reason")).allSatisfy(reason -> assertThat(reason).isNotBlank());
            assertThat(dead).extracting(ConsumerRecord::value).contains("{not json");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !Db.remindersOfBooking(booking).isEmpty());
    }
}
