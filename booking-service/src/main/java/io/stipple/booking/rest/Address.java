package io.stipple.booking.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Address")
public record Address(
        @NotBlank @Size(max = 200) @Schema(example = "12 Harley Street") String line1,
        @Size(max = 200) @Schema(example = "Suite 4") String line2,
        @NotBlank @Size(max = 100) @Schema(example = "London") String city,
        @Size(max = 20) @Schema(example = "W1G 9PF") String postcode,
        @NotNull @Size(max = 2) @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") @Schema(example = "GB") String country) {
}
