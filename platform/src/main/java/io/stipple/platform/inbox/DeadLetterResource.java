package io.stipple.platform.inbox;

import io.stipple.platform.problem.Problem;
import io.stipple.platform.security.AccessRule;
import io.stipple.platform.security.Caller;
import io.stipple.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The clinic admin's view of the events this service could not apply, and the replay (every service has it, from
 * the platform). Only the caller's own clinic's events are listed or replayed.
 */
@Path("/api/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Events this service could not apply, and their replay")
// said explicitly: with a second scheme in a document (booking's manage-link key), Quarkus' automatic requirement for
// @RolesAllowed operations may pick the other one; every service names its JWT scheme "bearer". The role is named as
// OpenAPI 3.1 allows for a bearer scheme, so the admin operations' requirement differs from the others' (OWASP API5)
@SecurityRequirement(name = "bearer", scopes = Roles.ADMIN)
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "List the clinic's dead-lettered events",
            description = "Events of the caller's clinic that this service's consumers dead-lettered (off contract, "
                    + "refused by a rule, still not applicable when its hold ended), oldest first, with the reason and whether each has been applied since. "
                    + "Transient failures never dead-letter an event: they are retried until they pass. No event data "
                    + "is shown. At most the oldest " + DeadLetters.MAX_EVENTS + " are listed.")
    @APIResponse(responseCode = "200", description = "The dead letters",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DeadLetters.DeadLetter.class,
                            maxItems = DeadLetters.MAX_EVENTS)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the clinic's admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DeadLetters.DeadLetter> list() {
        return deadLetters.list(caller.clinicId());
    }

    @POST
    @Path("/replay")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Replay the clinic's dead-lettered events",
            description = "Re-applies the caller's clinic's dead-lettered events, oldest first, through the same "
                    + "consumer as live events, and reports the outcome of each: APPLIED, ALREADY_APPLIED (nothing "
                    + "changed) or FAILED (with the reason; it stays dead-lettered). Safe to repeat: an event is "
                    + "applied at most once, and a projection ignores an event older than what it has applied. Every "
                    + "dead letter is replayed and counted; the outcomes of the first " + DeadLetters.MAX_EVENTS
                    + " are listed one by one.")
    @APIResponse(responseCode = "200", description = "What the replay did",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeadLetters.ReplayReport.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the clinic's admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetters.ReplayReport replay() {
        return deadLetters.replay(caller.clinicId());
    }
}
