package io.stipple.notification.rest;

import io.stipple.notification.service.PreferenceService;

/** A client's notification choices: the update request to the service's command, the saved choices to their API shape. */
public final class PreferenceMapper {

    private PreferenceMapper() {
    }

    public static PreferenceService.Choices toCommand(PreferenceUpdate update) {
        return new PreferenceService.Choices(update.optedOutChannels(), update.maintenanceTips());
    }

    public static PreferenceView toView(PreferenceService.Preferences p) {
        return new PreferenceView(p.clientId(), p.optedOut(), p.maintenanceTips(), p.version());
    }
}
