package io.stipple.notification.rest;

import io.stipple.notification.domain.PolicyRules;
import io.stipple.notification.service.PolicyService;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.security.AccessRule;
import io.stipple.platform.security.Caller;
import io.stipple.platform.security.Roles;
import io.stipple.platform.web.ETags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The clinic's reminder policy: read by staff, changed by admins. */
@Path("/api/v1/reminder-policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reminder policies", description = "When reminders go out, per clinic")
@SecurityRequirement(name = "bearer")
public class ReminderPolicyResource {

    @Inject
    Caller caller;

    @Inject
    PolicyService policies;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff otherClinicStaff")
    @Operation(summary = "Get the clinic's reminder policy",
            description = "The clinic's own policy, or the default it inherits until an admin saves a change (inherited = true, version 0).")
    @APIResponse(responseCode = "200", description = "The policy; ETag header for updates")
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ReminderPolicyView> get() {
        PolicyService.EffectivePolicy policy = policies.effective(caller.clinicId());
        return RestResponse.ResponseBuilder.ok(ReminderPolicyMapper.toView(policy)).header("ETag", ETags.of(policy.version())).build();
    }

    @GET
    @Path("/defaults")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Extension(name = AccessRule.EXTENSION, value = "admin staff otherClinicStaff")
    @Operation(summary = "Get the default reminder policy every clinic starts from")
    @APIResponse(responseCode = "200", description = "The default rules")
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PolicyRules defaults() {
        return policies.defaults();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessRule.EXTENSION, value = "admin")
    @Operation(summary = "Replace the clinic's reminder policy",
            description = "Admins only. Needs If-Match with the version read (0 while inherited). Applies to reminders scheduled "
                    + "from now on; reminders already scheduled keep their times.")
    @APIResponse(responseCode = "200", description = "The saved policy; new ETag")
    @APIResponse(responseCode = "400", description = "Invalid rules or If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ReminderPolicyView> replace(@HeaderParam("If-Match") String ifMatch, @Valid @NotNull PolicyRules rules) {
        long expected = ETags.requireIfMatch(ifMatch);
        PolicyService.EffectivePolicy saved = policies.replace(caller.clinicId(), rules, expected);
        return RestResponse.ResponseBuilder.ok(ReminderPolicyMapper.toView(saved)).header("ETag", ETags.of(saved.version())).build();
    }
}
