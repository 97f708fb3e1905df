package io.stipple.notification.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stipple.notification.service.WebhookService;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The partner view of each event type: health data, free text and the set-to-client link never reach partners. */
class PartnerEventViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void every_event_type_a_subscription_can_choose_has_a_partner_view() {
        assertThat(PartnerEventView.types()).containsExactlyInAnyOrderElementsOf(WebhookService.EVENT_TYPES);
        assertThatThrownBy(() -> PartnerEventView.of("ClientRegistered")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void session_completed_loses_condition_sex_healing_and_technician() throws Exception {
        JsonNode data = JSON.readTree("""
                {"bookingId":"b1","clientId":"c1","clinicName":"Clinic","clinicTimeZone":"Europe/London","planId":"p1",
                 "treatmentType":"PERMANENT_SMP","kind":"TREATMENT_SESSION","sessionNumber":3,"plannedSessions":3,
                 "finalSession":true,"healingIntervalDays":10,"condition":"ALOPECIA_AREATA","clientSex":"MALE",
                 "technicianId":"t1","completedAt":"2027-01-01T10:00:00Z","addedLater":"x"}""");
        JsonNode view = PartnerEventView.data("SessionCompleted", data);
        assertThat(fields(view)).containsExactly("bookingId", "clientId", "clinicName", "clinicTimeZone", "planId",
                "treatmentType", "kind", "sessionNumber", "plannedSessions", "finalSession", "completedAt");
        assertThat(view.toString()).doesNotContain("ALOPECIA", "MALE", "t1", "addedLater");
        assertThat(PartnerEventView.of("SessionCompleted").subject()).isTrue();
    }

    @Test
    void payments_keep_the_payment_and_its_amount_but_lose_the_clinics_rule_text() throws Exception {
        JsonNode fee = JSON.readTree("""
                {"paymentId":"p1","bookingId":"b1","clientId":"c1","clinicName":"Clinic","clinicTimeZone":"Europe/London",
                 "treatmentName":"SMP session","startsAt":"2027-01-01T10:00:00Z","amount":{"amountMinor":2500,"currency":"GBP"},
                 "chargedAt":"2027-01-01T12:00:00Z","reason":"NO_SHOW","rule":"no-show: 25 GBP (owner's note)","addedLater":"x"}""");
        JsonNode view = PartnerEventView.data("FeeCharged", fee);
        assertThat(fields(view)).containsExactly("paymentId", "bookingId", "clientId", "clinicName", "clinicTimeZone",
                "treatmentName", "startsAt", "amount", "chargedAt", "reason");
        assertThat(view.get("amount").toString()).isEqualTo("{\"amountMinor\":2500,\"currency\":\"GBP\"}");
        assertThat(view.toString()).doesNotContain("owner's note", "addedLater");
        assertThat(fields(PartnerEventView.data("DepositRefunded", JSON.readTree("""
                {"paymentId":"p1","refundedAt":"2027-01-01T12:00:00Z","reason":"WAIVED","rule":"r"}"""))))
                .containsExactly("paymentId", "refundedAt", "reason");
        assertThat(fields(PartnerEventView.data("DepositPaid", JSON.readTree("""
                {"paymentId":"p1","paidAt":"2027-01-01T12:00:00Z","reason":"x"}""")))).containsExactly("paymentId", "paidAt");
        assertThat(PartnerEventView.of("DepositPaid").subject()).isTrue();
    }

    @Test
    void bookings_lose_preparation_notes_staff_rooms_and_cancellation_reasons() throws Exception {
        JsonNode confirmed = JSON.readTree("""
                {"bookingId":"b1","clientId":"c1","startsAt":"2027-01-01T10:00:00Z","preparationNotes":"on blood thinners",
                 "technicianId":"t1","technicianName":"Alex","roomId":"r1","treatmentName":"SMP session"}""");
        JsonNode view = PartnerEventView.data("BookingConfirmed", confirmed);
        assertThat(fields(view)).containsExactly("bookingId", "clientId", "startsAt", "treatmentName");
        JsonNode rescheduled = PartnerEventView.data("BookingRescheduled", JSON.readTree("""
                {"bookingId":"b1","preparationNotes":"x","previousStartsAt":"2027-01-01T10:00:00Z"}"""));
        assertThat(fields(rescheduled)).containsExactly("bookingId", "previousStartsAt");
        JsonNode cancelled = PartnerEventView.data("BookingCancelled", JSON.readTree("""
                {"bookingId":"b1","reason":"feeling unwell after chemo","cancelledBy":"CLIENT"}"""));
        assertThat(fields(cancelled)).containsExactly("bookingId", "cancelledBy");
    }

    @Test
    void the_manage_token_is_in_no_webhook_body_not_even_the_clinics_own() throws Exception {
        JsonNode confirmed = JSON.readTree("""
                {"bookingId":"b1","clientId":"c1","preparationNotes":"on blood thinners","manageToken":"W4yKPi9NTGuafh0tLDtKX5qLfG1e"}""");
        assertThat(PartnerEventView.data("BookingConfirmed", confirmed).has("manageToken")).isFalse();
        JsonNode clinic = PartnerEventView.clinicData(confirmed);
        assertThat(fields(clinic)).containsExactly("bookingId", "clientId", "preparationNotes");
        assertThat(confirmed.has("manageToken")).isTrue(); // the received event itself is left alone
    }

    @Test
    void gallery_events_never_link_a_set_to_its_client() throws Exception {
        JsonNode published = PartnerEventView.data("PhotoPublished", JSON.readTree("""
                {"setId":"s1","clientId":"c1","publishedAt":"2027-01-01T10:00:00Z","angle":"TOP","treatmentType":"PERMANENT_SMP"}"""));
        assertThat(fields(published)).containsExactly("setId", "publishedAt", "angle", "treatmentType");
        assertThat(PartnerEventView.of("PhotoPublished").subject()).isFalse();
        JsonNode withdrawn = PartnerEventView.data("PhotoWithdrawn", JSON.readTree("""
                {"setId":"s1","clientId":"c1","withdrawnAt":"2027-01-01T10:00:00Z","reason":"CLIENT_ERASED"}"""));
        assertThat(fields(withdrawn)).containsExactly("setId", "withdrawnAt");
        assertThat(PartnerEventView.of("PhotoWithdrawn").subject()).isFalse();
    }
}
