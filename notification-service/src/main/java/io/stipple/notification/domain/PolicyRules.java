package io.stipple.notification.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.stipple.platform.problem.RuleViolation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A clinic's reminder policy: which reminders exist, when they are due and when clients are left in
 * peace. Data, not code: every clinic starts from the default and its admins change their own copy.
 */
@Schema(name = "ReminderPolicyRules", description = "The reminder rules of a clinic")
public record PolicyRules(
        @NotNull @Valid AppointmentReminders appointmentReminders,
        @NotNull @Valid Aftercare aftercare,
        @NotNull @Valid NextSessionPrompt nextSessionPrompt,
        @NotNull @Valid TopUp topUp,
        @NotNull @Valid MaintenanceTips maintenanceTips,
        @NotNull @Valid QuietHoursRule quietHours) {

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    /** Checks what bean validation cannot express; throws {@link IllegalArgumentException} naming the field. */
    public PolicyRules check() {
        for (int i = 0; i < appointmentReminders.offsets().size(); i++) {
            try {
                ReminderOffset.parse(appointmentReminders.offsets().get(i));
            } catch (IllegalArgumentException e) {
                throw violation("appointmentReminders.offsets[" + i + "]", e.getMessage());
            }
        }
        Set<Integer> days = new HashSet<>();
        for (int i = 0; i < aftercare.steps().size(); i++) {
            AftercareStep step = aftercare.steps().get(i);
            if (!days.add(step.day())) {
                throw violation("aftercare.steps[" + i + "].day", "two steps on day " + step.day());
            }
            if (!step.type().isAftercare()) {
                throw violation("aftercare.steps[" + i + "].type",
                        "must be AFTERCARE_INSTRUCTIONS, AFTERCARE_CHECK_IN or HEALED");
            }
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < topUp.intervals().size(); i++) {
            TopUpInterval interval = topUp.intervals().get(i);
            if (!keys.add(interval.treatmentType() + "/" + interval.sex())) {
                throw violation("topUp.intervals[" + i + "]",
                        "a second interval for " + interval.treatmentType() + " and sex " + interval.sex());
            }
        }
        return this;
    }

    /**
     * A rule of the policy document broken by an edit: the platform's {@link RuleViolation} for one value, named by
     * its path in the request ({@code rules.<path>}), answered 400 {@code validation-failed}.
     */
    private static RuleViolation violation(String path, String message) {
        return RuleViolation.invalidValue("rules." + path, message);
    }

    @Schema(description = "Reminders before an appointment")
    public record AppointmentReminders(
            @NotNull @Schema(example = "true") Boolean enabled,
            @NotNull @Size(max = 5) @Schema(description = "ISO-8601: whole days (P2D) are calendar days in the clinic's zone, "
                    + "times (PT2H) exact hours before the start", example = "[\"P2D\", \"PT2H\"]")
            List<@NotNull @Size(min = 3, max = 10) String> offsets) {

        @JsonIgnore
        public List<ReminderOffset> parsedOffsets() {
            return offsets.stream().map(ReminderOffset::parse).toList();
        }
    }

    @Schema(description = "The aftercare timeline after each session")
    public record Aftercare(
            @NotNull @Schema(example = "true") Boolean enabled,
            @NotNull @Size(max = 5) @Pattern(regexp = TIME) @Schema(description = "Local time of day for the day-N messages", example = "10:00") String sendAt,
            @NotNull @Size(max = 10) List<@NotNull @Valid AftercareStep> steps) {
    }

    @Schema(description = "One message of the aftercare timeline")
    public record AftercareStep(
            @Min(0) @Max(60) @Schema(description = "Days after the session (0 = the same day)", example = "3") int day,
            @NotNull @Schema(example = "AFTERCARE_CHECK_IN") ReminderType type,
            @Schema(description = "Send at the session's completion instead of at sendAt (day 0 instructions)", example = "false")
            boolean immediately) {
    }

    @Schema(description = "\"Ready for your next session\" once the healing interval has passed, unless it is already booked")
    public record NextSessionPrompt(
            @NotNull @Schema(example = "true") Boolean enabled,
            @NotNull @Size(max = 5) @Pattern(regexp = TIME) @Schema(example = "10:00") String sendAt) {
    }

    @Schema(description = "Top-up reminders after the final session (re-armed after each top-up)")
    public record TopUp(
            @NotNull @Schema(example = "true") Boolean enabled,
            @NotNull @Size(max = 5) @Pattern(regexp = TIME) @Schema(example = "10:00") String sendAt,
            @NotNull @NotEmpty @Size(max = 20) List<@NotNull @Valid TopUpInterval> intervals,
            @NotNull @Size(max = 12) @Schema(description = "Conditions that change over time: a check-in instead of a top-up push",
                    example = "[\"ALOPECIA_AREATA\", \"ALOPECIA_TOTALIS\", \"ALOPECIA_UNIVERSALIS\"]")
            List<@NotNull @Size(max = 40) String> changeableConditions,
            @Min(1) @Max(60) @Schema(description = "Months after the final session for the check-in", example = "6") int checkInMonths) {

        /** Months until the top-up for a treatment and sex: the exact match, else the treatment's any-sex value. */
        public Optional<Integer> monthsFor(String treatmentType, String sex) {
            Optional<Integer> exact = intervals.stream()
                    .filter(i -> i.treatmentType().equals(treatmentType) && sex != null && sex.equals(i.sex()))
                    .map(TopUpInterval::months).findFirst();
            if (exact.isPresent()) return exact;
            return intervals.stream().filter(i -> i.treatmentType().equals(treatmentType) && i.sex() == null)
                    .map(TopUpInterval::months).findFirst();
        }

        public boolean isChangeable(String condition) {
            return condition != null && changeableConditions.contains(condition);
        }
    }

    @Schema(description = "Months until a top-up for a treatment type, optionally per sex (null = any)")
    public record TopUpInterval(
            @NotNull @Size(max = 17) @Pattern(regexp = "PERMANENT_SMP|TRICOPIGMENTATION|SCAR_CAMOUFLAGE") @Schema(example = "PERMANENT_SMP") String treatmentType,
            @Size(max = 11) @Pattern(regexp = "MALE|FEMALE|UNSPECIFIED") @Schema(example = "MALE", nullable = true) String sex,
            @Min(1) @Max(120) @Schema(example = "36") int months) {
    }

    @Schema(description = "Optional maintenance tips (sunscreen, moisturising) after the final session; need marketing consent")
    public record MaintenanceTips(
            @NotNull @Schema(example = "false") Boolean enabled,
            @Min(0) @Max(60) @Schema(example = "3") int firstAfterMonths,
            @Min(1) @Max(60) @Schema(example = "6") int everyMonths,
            @Min(1) @Max(12) @Schema(example = "4") int count,
            @NotNull @Size(max = 5) @Pattern(regexp = TIME) @Schema(example = "10:00") String sendAt) {
    }

    @Schema(description = "Local hours in which SMS and push stay silent; a reminder due inside moves to the end")
    public record QuietHoursRule(
            @NotNull @Schema(example = "true") Boolean enabled,
            @NotNull @Size(max = 5) @Pattern(regexp = TIME) @Schema(example = "21:00") String start,
            @NotNull @Size(max = 5) @Pattern(regexp = TIME) @Schema(example = "08:00") String end,
            @NotNull @Size(max = 3) @Schema(example = "[\"SMS\", \"PUSH\"]") List<@NotNull Channel> channels) {

        public QuietHours toQuietHours() {
            return new QuietHours(enabled, LocalTime.parse(start), LocalTime.parse(end), new ArrayList<>(channels));
        }
    }

    /** A local time of day on a date, resolved in the zone (a time in a DST gap moves forward). */
    public static java.time.Instant at(java.time.LocalDate date, String time, ZoneId zone) {
        return ZonedDateTime.of(date, LocalTime.parse(time), zone).toInstant();
    }
}
