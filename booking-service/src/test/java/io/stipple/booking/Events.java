package io.stipple.booking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stipple.testinfra.EventContracts;
import io.stipple.testinfra.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/** Reads what booking-service published and checks it against docs/asyncapi/booking-service.yaml. */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static TopicProbe bookings() {
        return new TopicProbe(bootstrap(), "stipple.bookings");
    }

    /** Awaits the event of that type about that booking, asserts it matches the contract and returns it. */
    public static JsonNode await(TopicProbe probe, String eventName, String bookingId) {
        List<ConsumerRecord<String, String>> records = probe.awaitRecords(r -> r.value().contains("\"io.stipple." + eventName + "\"")
                && r.value().contains(bookingId), 1, Duration.ofSeconds(30));
        String json = records.get(0).value();
        EventContracts.forService("booking-service").assertValid(eventName, json);
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
