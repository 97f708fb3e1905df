package io.stipple.notification.rest;

import io.stipple.notification.domain.Channel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** A client's notification choices. */
@Schema(name = "NotificationPreferences")
public record PreferenceView(
        @Schema(example = "7d4d2a8e-1f6b-4c36-8f0e-2b9a1c3d4e5f") UUID clientId,
        @Schema(example = "[\"SMS\"]", description = "Channels the client receives nothing on", maxItems = 3) List<Channel> optedOutChannels,
        @Schema(example = "true", description = "Maintenance tips (also need marketing consent)") boolean maintenanceTips,
        @Schema(example = "1", description = "Send back in If-Match to update; 0 = never saved") long version) {
}
