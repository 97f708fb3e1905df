package io.stipple.gallery.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a set's rejection: what the clinic should change. */
@Schema(name = "RejectSetRequest")
public record RejectSetRequest(
        @NotNull @Size(min = 1, max = 1000) @Schema(example = "Crop the crown shot tighter") String note) {
}
