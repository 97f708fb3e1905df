package io.stipple.notification.repository;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stipple.notification.Db;
import io.stipple.notification.Events;
import io.stipple.notification.Tokens;
import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ClientContact;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Channel lists are {@code text[]} columns (V5) mapped by Hibernate; the comma lists of the previous version stay
 * in step while both versions run (expand/contract), and V5 converted the rows that existed before it.
 */
@QuarkusTest
class ChannelListsIT {

    private final UUID clinicId = UUID.randomUUID();

    @Test
    void the_migrations_conversion_trims_drops_unknown_names_and_repeats_and_orders_by_channel() {
        assertThat(Db.text("select cast(channel_list(' SMS,EMAIL,PIGEON,SMS ,') as text)")).isEqualTo("{EMAIL,SMS}");
        assertThat(Db.text("select cast(channel_list('PUSH') as text)")).isEqualTo("{PUSH}");
        assertThat(Db.text("select cast(channel_list('') as text)")).isEqualTo("{}");
        assertThat(Db.text("select cast(channel_list(null) as text)")).isEqualTo("{}");
        assertThat(Db.text("select channel_csv(array['PUSH', 'EMAIL'])")).isEqualTo("EMAIL,PUSH");
        assertThat(Db.text("select channel_csv('{}')")).isEqualTo("");
    }

    @Test
    void a_contact_and_a_preference_written_in_the_old_form_read_back_as_channel_lists() {
        UUID client = UUID.randomUUID();
        Db.execute("""
                insert into client_contact (client_id, clinic_id, first_name, email, preferred_channels, updated_at)
                values (?1, ?2, 'Ari', ?3, 'SMS,EMAIL', now())""", client, clinicId, "old-" + client + "@example.com");
        Db.execute("""
                insert into client_preference (client_id, clinic_id, opted_out_channels, maintenance_tips, version, updated_at)
                values (?1, ?2, 'SMS', true, 0, now())""", client, clinicId);

        assertThat(Db.contact(clinicId, client)).get().extracting(ClientContact::preferred)
                .isEqualTo(List.of(Channel.EMAIL, Channel.SMS));
        given().auth().oauth2(Tokens.staff(clinicId)).get("/api/v1/notifications/preferences/" + client)
                .then().statusCode(200).body("optedOutChannels", equalTo(List.of("SMS")));

        // the previous version changes the comma list only: the array follows
        Db.execute("update client_preference set opted_out_channels = 'PUSH,EMAIL' where client_id = ?1", client);
        given().auth().oauth2(Tokens.staff(clinicId)).get("/api/v1/notifications/preferences/" + client)
                .then().statusCode(200).body("optedOutChannels", equalTo(List.of("EMAIL", "PUSH")));
    }

    @Test
    void lists_written_by_this_version_round_trip_and_keep_the_old_comma_lists_in_step() {
        UUID client = UUID.randomUUID();
        Events.registerClient(clinicId, client, "Kai", "new-" + client + "@example.com", "PUSH", "EMAIL");
        assertThat(Db.contact(clinicId, client)).get().extracting(ClientContact::preferred)
                .isEqualTo(List.of(Channel.EMAIL, Channel.PUSH));
        assertThat(Db.text("select preferred_channels from client_contact where client_id = ?1", client)).isEqualTo("EMAIL,PUSH");

        given().auth().oauth2(Tokens.client(clinicId, client)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("optedOutChannels", List.of("PUSH", "SMS"), "maintenanceTips", false))
                .put("/api/v1/notifications/preferences/" + client)
                .then().statusCode(200).body("optedOutChannels", equalTo(List.of("SMS", "PUSH")));
        given().auth().oauth2(Tokens.client(clinicId, client)).get("/api/v1/notifications/preferences/" + client)
                .then().statusCode(200).body("optedOutChannels", equalTo(List.of("SMS", "PUSH")));
        assertThat(Db.text("select opted_out_channels from client_preference where client_id = ?1", client)).isEqualTo("SMS,PUSH");
        assertThat(Db.text("select cast(opted_out_channel_list as text) from client_preference where client_id = ?1", client))
                .isEqualTo("{SMS,PUSH}");

        given().auth().oauth2(Tokens.client(clinicId, client)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("optedOutChannels", List.of(), "maintenanceTips", true))
                .put("/api/v1/notifications/preferences/" + client)
                .then().statusCode(200).body("optedOutChannels", equalTo(List.of()));
        assertThat(Db.text("select opted_out_channels from client_preference where client_id = ?1", client)).isEqualTo("");
    }
}
