package io.stipple.notification.rest;

import io.stipple.notification.domain.Channel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** New notification choices of a client (replaces the old ones). */
@Schema(name = "NotificationPreferencesUpdate")
public record PreferenceUpdate(
        @NotNull @Size(max = 3) @Schema(example = "[\"SMS\"]") List<@NotNull Channel> optedOutChannels,
        @NotNull @Schema(example = "false") Boolean maintenanceTips) {
}
