package io.stipple.booking.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "CompleteBookingRequest", description = "What was done. For consultations every field may be omitted; "
        + "for treatment sessions areasTreated, pigment, needleConfiguration and actualDurationMinutes are required.")
public record CompleteBookingRequest(
        @Size(max = 20) @Schema(example = "[\"HAIRLINE\", \"CROWN\"]") List<@NotBlank @Size(max = 50) String> areasTreated,
        @Valid Pigment pigment,
        @Size(max = 100) @Schema(example = "3RL 0.18 mm") String needleConfiguration,
        @Positive @Max(720) @Schema(example = "135") Integer actualDurationMinutes,
        @Size(max = 4000) @Schema(example = "Light pressure at the crown; client tolerated well") String technicianNotes) {
}
