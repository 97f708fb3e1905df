package io.stipple.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.InvalidEventException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRouterTest {

    record Moved(UUID bookingId, String room) {
    }

    record Ended(UUID bookingId) {
    }

    private final List<String> applied = new ArrayList<>();
    private final Inbox inbox = inbox();

    private static Inbox inbox() {
        Inbox inbox = new Inbox();
        inbox.mapper = new ObjectMapper().findAndRegisterModules();
        return inbox;
    }

    private IncomingEventHandler<Moved> moved(String topic) {
        return new IncomingEventHandler<>() {
            public String topic() { return topic; }
            public Set<String> eventNames() { return Set.of("BookingConfirmed", "BookingRescheduled"); }
            public Class<Moved> dataType() { return Moved.class; }
            public void handle(EventEnvelope event, Moved data) { applied.add(event.eventName() + " " + data.room()); }
        };
    }

    private IncomingEventHandler<Ended> ended() {
        return new IncomingEventHandler<>() {
            public String topic() { return "stipple.bookings"; }
            public Set<String> eventNames() { return Set.of("BookingCancelled"); }
            public Class<Ended> dataType() { return Ended.class; }
            public void handle(EventEnvelope event, Ended data) { applied.add("ended " + data.bookingId()); }
        };
    }

    private static EventEnvelope event(String name, String data) throws Exception {
        return new EventEnvelope("1.0", UUID.randomUUID(), "/stipple/booking-service", "io.stipple." + name, "s",
                Instant.now(), "application/json", UUID.randomUUID(), 1L, 1, null,
                data == null ? JsonNodeFactory.instance.objectNode() : new ObjectMapper().readTree(data));
    }

    @Test
    void each_event_goes_to_its_typed_handler_and_an_unknown_type_is_skipped() throws Exception {
        EventRouter router = EventRouter.forTopic("stipple.bookings", inbox, List.of(moved("stipple.bookings"), ended(),
                moved("stipple.gallery")));
        UUID booking = UUID.randomUUID();

        router.handle(event("BookingRescheduled", "{\"bookingId\":\"" + booking + "\",\"room\":\"2\",\"extra\":1}"));
        router.handle(event("BookingCancelled", "{\"bookingId\":\"" + booking + "\"}"));
        router.handle(event("BookingNoShow", "{\"bookingId\":\"" + booking + "\"}"));

        assertThat(applied).containsExactly("BookingRescheduled 2", "ended " + booking);
        assertThat(router.eventNames()).containsExactlyInAnyOrder("BookingConfirmed", "BookingRescheduled", "BookingCancelled");
    }

    @Test
    void data_off_contract_is_an_invalid_event_and_a_before_step_can_stop_an_event() throws Exception {
        EventRouter router = EventRouter.forTopic("stipple.bookings", inbox, List.of(ended()));
        assertThatThrownBy(() -> router.handle(event("BookingCancelled", "{\"bookingId\":\"not-a-uuid\"}")))
                .isInstanceOf(InvalidEventException.class);

        List<String> seen = new ArrayList<>();
        EventRouter guarded = router.before(e -> {
            seen.add(e.eventName());
            return false;
        });
        guarded.handle(event("BookingCancelled", "{\"bookingId\":\"" + UUID.randomUUID() + "\"}"));
        assertThat(seen).containsExactly("BookingCancelled");
        assertThat(applied).isEmpty();
    }

    record Contact(UUID clientId, String email) {
    }

    private IncomingEventHandler<Contact> sealedContact() {
        return new IncomingEventHandler<>() {
            public String topic() { return "stipple.clients"; }
            public Set<String> eventNames() { return Set.of("ClientRegistered"); }
            public Class<Contact> dataType() { return Contact.class; }
            public boolean opensSealedFields() { return true; }
            public void handle(EventEnvelope event, Contact data) { applied.add("contact " + data.email()); }
        };
    }

    @Test
    void a_handler_of_sealed_fields_gets_the_opened_event_read_once_and_nothing_when_the_key_is_gone() throws Exception {
        UUID client = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        List<UUID> opened = new ArrayList<>();
        EventRouter router = EventRouter.forTopic("stipple.clients", inbox, List.of(sealedContact()), event -> {
            UUID id = UUID.fromString(event.data().path("clientId").asText());
            opened.add(id);
            if (id.equals(gone)) return java.util.Optional.empty();
            com.fasterxml.jackson.databind.node.ObjectNode data = event.data().deepCopy();
            data.remove("sealed");
            data.put("email", "opened@example.com");
            return java.util.Optional.of(new EventEnvelope(event.specversion(), event.id(), event.source(), event.type(),
                    event.subject(), event.time(), event.datacontenttype(), event.clinicid(), event.subjectsequence(),
                    event.schemaversion(), event.correlationid(), data));
        });

        router.handle(event("ClientRegistered", "{\"clientId\":\"" + client + "\",\"sealed\":{\"alg\":\"A256GCM\"}}"));
        router.handle(event("ClientRegistered", "{\"clientId\":\"" + gone + "\",\"sealed\":{\"alg\":\"A256GCM\"}}"));

        assertThat(opened).containsExactly(client, gone);
        assertThat(applied).containsExactly("contact opened@example.com");
        // a handler that needs its fields opened, on a router without an opener: refused at start-up
        assertThatThrownBy(() -> EventRouter.forTopic("stipple.clients", inbox, List.of(sealedContact())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("opener");
    }

    @Test
    void two_handlers_of_one_event_are_refused_at_start_up() {
        assertThatThrownBy(() -> EventRouter.forTopic("stipple.bookings", inbox,
                List.of(moved("stipple.bookings"), moved("stipple.bookings"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two handlers of Booking");
    }
}
