package io.stipple.journey;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.stipple.stack.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.stipple.journey.Clinic.LONDON;
import static io.stipple.journey.Clinic.as;
import static io.stipple.journey.Clinic.at;
import static io.stipple.journey.Clinic.ok;
import static io.stipple.journey.Clinic.url;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The healing interval has one owner, client-service: a plan agreed at 5 days by an admin with a reason holds for
 * every session of the plan. booking-service books session 2 five days after session 1 without a second override
 * (before, it raised the plan's 5 days back to the 7-day minimum and the clinic had to override on every booking),
 * and still refuses four days.
 */
@ExtendWith(StippleSystem.class)
class HealingOverrideIT {

    @AfterAll
    static void giveTheClockBack() {
        StippleSystem.setClockOffset(Duration.ZERO);
    }

    @Test
    void a_plan_agreed_at_five_days_with_a_reason_books_session_two_at_five_days_without_a_second_override() {
        Clinic clinic = new Clinic().setUp();
        Clinic.Client client = clinic.clientWithAgreedPlan("Kai", List.of("TREATMENT"), Map.of("healingIntervalDays", 5,
                "healingIntervalOverrideReason", "Returning abroad; small area, healed fast after the consultation test patch"));
        JsonPath plan = ok(as(clinic.staff).get(url(Service.CLIENT, "/api/v1/clients/" + client.id() + "/plans/" + client.planId())), 200);
        assertThat(plan.getInt("healingIntervalDays")).isEqualTo(5);
        assertThat(plan.getString("healingIntervalOverrideReason")).isNotBlank();

        LocalDate day1 = LocalDate.now(LONDON).plusDays(2);
        clinic.availabilityOnceKnown(client, day1);
        UUID first = clinic.book(client, at(day1, "08:00")).getUUID("id");
        clinic.complete(first, at(day1, "08:00"), 210);

        Response fourDays = clinic.bookResponse(client, at(day1.plusDays(4), "12:00"));
        assertThat(fourDays.statusCode()).as(fourDays.asString()).isIn(409, 422);
        assertThat(fourDays.jsonPath().getString("type")).contains("healing");

        JsonPath second = clinic.book(client, at(day1.plusDays(5), "12:00"));
        assertThat(second.getInt("sessionNumber")).isEqualTo(2);
        assertThat(second.getMap("healingOverride")).as("no booking-level override was needed").isNull();
    }
}
