package io.stipple.booking.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HealingOverrideRecord")
public record HealingOverrideView(
        @Schema(example = "5") int intervalDays,
        @Schema(example = "admin-7", maxLength = 200) String by,
        @Schema(example = "Client emigrates on the 20th; healing checked in person", maxLength = 500) String reason) {
}
