package io.stipple.booking.rest;




import io.stipple.booking.service.BookingService;
import io.stipple.booking.service.BookingService.Result;
import io.stipple.booking.service.ManageLinks;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.security.AccessRule;
import io.stipple.platform.web.ETags;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Self-service without logging in: the manage link in a booking's confirmation ({@code manageToken} of
 * BookingConfirmed) lets the client view, reschedule or cancel that one booking, with exactly a client's rights (the
 * clinic's notice applies). A wrong, forged or dead link is answered like a booking that does not exist.
 *
 * <p>The token travels in the {@value #HEADER} header, never in the API's URL, so access logs and proxies do not
 * record it: the front end's page (whose address the e-mail carries) reads it and sends it here.
 */
@Path("/api/v1/manage/booking")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@SecurityScheme(securitySchemeName = ManageLinkResource.SCHEME, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = ManageLinkResource.HEADER, description = "The manageToken of the booking's confirmation (BookingConfirmed): "
        + "an HMAC-signed reference to one booking, valid while it is confirmed and a day after it ends")
@SecurityRequirement(name = ManageLinkResource.SCHEME)
@Tag(name = "Manage links", description = "A client's view, reschedule and cancel of one booking through the signed link in its confirmation")
@APIResponse(responseCode = "404", description = "No such booking, or the link is wrong, forged, cancelled or ended more than a day ago (all alike)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ManageLinkResource {

    /** The header that carries the manage token. */
    public static final String HEADER = "Manage-Token";
    static final String SCHEME = "manageToken";

    @Inject
    ManageLinks links;

    @Inject
    BookingService bookings;

    @GET
    @Extension(name = AccessRule.EXTENSION, value = "public")
    @Operation(summary = "View a booking through its manage link")
    @APIResponse(responseCode = "200", description = "The booking", content = @Content(schema = @Schema(implementation = BookingView.class)))
    public RestResponse<BookingView> view(@HeaderParam(HEADER) @Parameter(hidden = true) String token) {
        return answer(token, () -> bookings.get(link(token).bookingId()).orElseThrow(() -> notFound()));
    }

    @POST
    @Path("/reschedule")
    @Extension(name = AccessRule.EXTENSION, value = "public")
    @Operation(summary = "Move the booking through its manage link", description = "As the client: the clinic's notice "
            + "applies, no healing override. Same booking id; publishes BookingRescheduled.")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The time is taken, or the booking's state does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A booking rule refuses it (the notice has passed: cancellation-window-passed, healing-interval, ...)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<BookingView> reschedule(@HeaderParam(HEADER) @Parameter(hidden = true) String token,
                                                @Valid @NotNull RescheduleRequest request) {
        return answer(token, () -> bookings.reschedule(link(token).bookingId(), BookingMapper.command(request), null));
    }

    @POST
    @Path("/cancel")
    @Extension(name = AccessRule.EXTENSION, value = "public")
    @Operation(summary = "Cancel the booking through its manage link", description = "As the client, within the clinic's "
            + "notice; publishes BookingCancelled. The link is dead afterwards.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "Reason missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The booking's state does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The clinic's notice has passed (cancellation-window-passed)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<BookingView> cancel(@HeaderParam(HEADER) @Parameter(hidden = true) String token,
                                            @Valid @NotNull CancelRequest request) {
        return answer(token, () -> bookings.cancel(link(token).bookingId(), request.reason(), null, null));
    }

    private ManageLinks.Link link(String token) {
        return links.read(token).orElseThrow(ManageLinkResource::notFound);
    }

    /** Runs the work as the link's holder; the link is checked before anything else, the booking inside. */
    private RestResponse<BookingView> answer(String token, Supplier<Result> work) {
        ManageLinks.Link link = link(token);
        Optional<Result> result = links.asHolder(link, work);
        Result r = result.orElseThrow(ManageLinkResource::notFound);
        return RestResponse.ResponseBuilder.ok(BookingMapper.view(r))
                .header("ETag", ETags.of(r.booking().version))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    /** One answer for every dead end, so a link cannot be told from a missing booking. */
    private static ProblemException notFound() {
        return ProblemException.notFound("Booking");
    }
}
