package io.stipple.booking.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.LocalTime;

@Schema(name = "WeeklyHours", description = "An interval of a weekday in the clinic's local time; several per day allowed (e.g. a lunch break).")
public record Hours(
        @NotNull @Schema(example = "MONDAY") DayOfWeek weekday,
        @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "09:00") LocalTime opens,
        @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "18:00") LocalTime closes) {
}
