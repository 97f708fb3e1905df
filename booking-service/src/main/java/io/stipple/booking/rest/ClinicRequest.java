package io.stipple.booking.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.stipple.booking.domain.WaitlistMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The read-only fields of what GET returns ({@code id}, {@code createdAt}, {@code updatedAt}, {@code version}) are
 * accepted and ignored, so a front end can PUT back what it read after changing a field; any other unknown field is
 * a 400.
 */
@JsonIgnoreProperties(value = {"id", "createdAt", "updatedAt", "version"})
@Schema(name = "ClinicRequest", description = "Creates or replaces the clinic's profile.")
public record ClinicRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Stipple London") String name,
        @Valid @NotNull Address address,
        @NotBlank @Size(max = 64) @Schema(description = "IANA time zone", example = "Europe/London") String timeZone,
        @NotNull @Size(max = 3) @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") @Schema(example = "GBP") String currency,
        @NotNull @Size(max = 50) List<@Valid @NotNull Hours> openingHours,
        @Min(0) @Max(720) @Schema(description = "A client may cancel or reschedule until this many hours before the start", example = "48") Integer cancellationNoticeHours,
        @Min(1) @Max(15) @Schema(description = "How long a slot hold lasts, in minutes (5 when omitted)", example = "5") Integer holdMinutes,
        @Schema(description = "How freed time is offered to the waitlist: FIRST_IN_LINE (a hold for the first waiting client it fits; the default) or OFFER_TO_ALL (every waiting client it fits, the first to accept books it)", example = "FIRST_IN_LINE") WaitlistMode waitlistMode,
        @Min(5) @Max(1440) @Schema(description = "How long a waitlist offer stands, in minutes (60 when omitted)", example = "60") Integer waitlistOfferMinutes,
        @Valid @Schema(description = "The deposit a booking needs (none when omitted); a treatment may have its own") DepositPolicyModel depositPolicy,
        @Min(5) @Max(1440) @Schema(description = "How long a booking waiting for its deposit keeps its time, in minutes (30 when omitted)", example = "30") Integer paymentMinutes,
        @Valid @Schema(description = "What a late cancellation or a no-show costs out of a paid deposit (both forfeit it when omitted)") CancellationFeesModel cancellationFees) {
}
