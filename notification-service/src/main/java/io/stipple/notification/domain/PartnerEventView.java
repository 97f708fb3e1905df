package io.stipple.notification.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a partner's webhook subscription may receive of each event type: the one place that defines the partner
 * view. It is an allow-list per type — a field an event gains later reaches partners only once it is added here.
 * Free text (preparation notes, cancellation reasons, the rule text of a payment decision), health data (condition, sex, healing interval), staff and
 * room ids and, for gallery events, the link between a photo set and a client are never in it. The clinic's own
 * (admin-created) subscriptions get the event data as published, less the {@link #SECRETS} no webhook carries.
 */
public final class PartnerEventView {

    /** The data fields a partner receives, and whether the envelope's {@code subject} (the client id) is kept. */
    public record View(Set<String> dataFields, boolean subject) {
    }

    private static final List<String> BOOKING = List.of("bookingId", "clientId", "clinicName", "clinicTimeZone", "kind",
            "treatmentId", "treatmentName", "planId", "sessionNumber", "startsAt", "endsAt");

    /** What a payment event shares with a partner: the payment, its booking and the amount — not the clinic's rule text. */
    private static final List<String> PAYMENT = List.of("paymentId", "bookingId", "clientId", "clinicName", "clinicTimeZone",
            "treatmentName", "startsAt", "amount");

    private static final Map<String, View> VIEWS = Map.ofEntries(
            Map.entry("BookingConfirmed", view(true, BOOKING)),
            Map.entry("BookingRescheduled", view(true, BOOKING, "previousStartsAt", "previousEndsAt")),
            Map.entry("BookingCancelled", view(true, List.of("bookingId", "clientId", "kind", "planId", "sessionNumber",
                    "startsAt", "cancelledBy"))),
            Map.entry("BookingNoShow", view(true, List.of("bookingId", "clientId", "kind", "planId", "sessionNumber",
                    "startsAt"))),
            Map.entry("SessionCompleted", view(true, List.of("bookingId", "clientId", "clinicName", "clinicTimeZone", "planId",
                    "treatmentType", "kind", "sessionNumber", "plannedSessions", "finalSession", "completedAt"))),
            Map.entry("DepositPaid", view(true, PAYMENT, "paidAt")),
            Map.entry("DepositRefunded", view(true, PAYMENT, "refundedAt", "reason")),
            Map.entry("FeeCharged", view(true, PAYMENT, "chargedAt", "reason")),
            // a public set is never linked to the client it shows
            Map.entry("PhotoPublished", view(false, List.of("setId", "publishedAt", "angle", "treatmentType"))),
            Map.entry("PhotoWithdrawn", view(false, List.of("setId", "withdrawnAt"))));

    /**
     * Data fields no webhook body carries, not even the clinic's own: secrets that act for the client (the booking's
     * manage link token lets its holder reschedule or cancel the booking). They would also be stored in the delivery log.
     */
    public static final Set<String> SECRETS = Set.of("manageToken");

    private PartnerEventView() {
    }

    /** The event data as the clinic's own subscriptions receive it: as published, without the {@link #SECRETS}. */
    public static JsonNode clinicData(JsonNode data) {
        if (data == null || !data.isObject()) return data;
        ObjectNode copy = ((ObjectNode) data).deepCopy();
        copy.remove(SECRETS);
        return copy;
    }

    /** The partner view of an event type; fails for a type without one (nothing is sent that was not decided). */
    public static View of(String eventType) {
        View view = VIEWS.get(eventType);
        if (view == null) throw new IllegalArgumentException("no partner view defined for event type " + eventType);
        return view;
    }

    public static Set<String> types() {
        return VIEWS.keySet();
    }

    /** The event data as a partner receives it: only the allowed fields, in the order they were published. */
    public static ObjectNode data(String eventType, JsonNode data) {
        View view = of(eventType);
        ObjectNode minimized = JsonNodeFactory.instance.objectNode();
        if (data == null || !data.isObject()) return minimized;
        data.fields().forEachRemaining(field -> {
            if (view.dataFields().contains(field.getKey())) minimized.set(field.getKey(), field.getValue().deepCopy());
        });
        return minimized;
    }

    private static View view(boolean subject, List<String> fields, String... more) {
        Set<String> all = new LinkedHashSet<>(fields);
        all.addAll(List.of(more));
        return new View(Set.copyOf(all), subject);
    }
}
