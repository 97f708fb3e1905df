package io.stipple.client.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.stipple.client.domain.Channel;
import io.stipple.client.domain.Sex;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A client's details, to register them or (PUT, with If-Match) replace them. The read-only fields of the client as
 * GET returns it ({@code id}, {@code clinicId}, {@code createdAt}, {@code updatedAt}, {@code version}) are accepted
 * and ignored, so a front end can PUT back what it read after changing a field; any other unknown field is a 400.
 */
@Schema(name = "ClientRequest")
@JsonIgnoreProperties(value = {"id", "clinicId", "createdAt", "updatedAt", "version"})
public record ClientRequest(
        @NotBlank @Size(max = 100) @Schema(example = "Daniel") String firstName,
        @NotBlank @Size(max = 100) @Schema(example = "Okafor") String lastName,
        @NotBlank @Email @Size(max = 254) @Schema(example = "daniel.okafor@example.com") String email,
        @Size(max = 30) @Schema(description = "Normalised to E.164; a number without + is read in the country of `locale`",
                example = "+447911123456", nullable = true) String phone,
        @NotNull @Past @Schema(example = "1988-04-12") LocalDate dateOfBirth,
        @NotNull @Schema(example = "MALE") Sex sex,
        @Size(max = 100) @Schema(description = "Optional, as the client describes it", example = "man", nullable = true)
        String genderIdentity,
        @NotBlank @Size(max = 64) @Schema(description = "IANA time zone", example = "Europe/London") String timeZone,
        @NotBlank @Size(max = 35) @Schema(description = "BCP 47 language tag", example = "en-GB") String locale,
        @Size(max = 3) @Schema(description = "Defaults to [EMAIL]", example = "[\"EMAIL\", \"SMS\"]")
        List<@NotNull Channel> preferredChannels,
        @NotNull @Schema(example = "false") Boolean marketingOptIn) {
}
