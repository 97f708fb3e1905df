package io.stipple.booking.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** API records of a clinic's profile, week and closures. */
public final class ClinicModels {

    private ClinicModels() {
    }

    @Schema(name = "WeeklyHours", description = "An interval of a weekday in the clinic's local time; several per day allowed (e.g. a lunch break).")
    public record Hours(
            @NotNull @Schema(example = "MONDAY") DayOfWeek weekday,
            @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "09:00") LocalTime opens,
            @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "18:00") LocalTime closes) {
    }

    @Schema(name = "Address")
    public record Address(
            @NotBlank @Size(max = 200) @Schema(example = "12 Harley Street") String line1,
            @Size(max = 200) @Schema(example = "Suite 4") String line2,
            @NotBlank @Size(max = 100) @Schema(example = "London") String city,
            @Size(max = 20) @Schema(example = "W1G 9PF") String postcode,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") @Schema(example = "GB") String country) {
    }

    @Schema(name = "ClinicRequest", description = "Creates or replaces the clinic's profile.")
    public record ClinicRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Stipple London") String name,
            @Valid @NotNull Address address,
            @NotBlank @Schema(description = "IANA time zone", example = "Europe/London") String timeZone,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") @Schema(example = "GBP") String currency,
            @NotNull @Size(max = 50) List<@Valid @NotNull Hours> openingHours,
            @Min(0) @Max(720) @Schema(description = "A client may cancel or reschedule until this many hours before the start", example = "48") Integer cancellationNoticeHours,
            @Min(1) @Max(15) @Schema(description = "How long a slot hold lasts, in minutes (5 when omitted)", example = "5") Integer holdMinutes) {
    }

    @Schema(name = "Clinic")
    public record ClinicView(
            @Schema(example = "6f1c1f7e-3a52-4c3e-9a59-0c8c1f0d2b11") UUID id,
            @Schema(example = "Stipple London") String name,
            Address address,
            @Schema(example = "Europe/London") String timeZone,
            @Schema(example = "GBP") String currency,
            List<Hours> openingHours,
            @Schema(example = "48") int cancellationNoticeHours,
            @Schema(description = "How long a slot hold lasts, in minutes", example = "5") int holdMinutes,
            @Schema(example = "2026-11-25T09:00:00Z") Instant createdAt,
            @Schema(example = "2026-11-25T09:00:00Z") Instant updatedAt,
            @Schema(example = "0") long version) {
    }

    @Schema(name = "ClosureRequest", description = "Whole days the clinic is closed, inclusive, in its local calendar.")
    public record ClosureRequest(
            @NotNull @Schema(example = "2026-12-25") LocalDate firstDay,
            @NotNull @Schema(example = "2026-12-26") LocalDate lastDay,
            @NotBlank @Size(max = 200) @Schema(example = "Christmas") String reason) {
    }

    @Schema(name = "Closure")
    public record ClosureView(
            @Schema(example = "0b7f3c5e-2d5d-4d8e-8f5e-0f5f1a2b3c4d") UUID id,
            @Schema(example = "2026-12-25") LocalDate firstDay,
            @Schema(example = "2026-12-26") LocalDate lastDay,
            @Schema(example = "Christmas") String reason,
            @Schema(example = "2026-11-25T09:00:00Z") Instant createdAt) {
    }
}
