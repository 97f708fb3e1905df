package io.stipple.client.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The numbers behind client-service's rules. */
@ConfigMapping(prefix = "client")
public interface ClientConfig {

    /** Sessions a new treatment plan gets when the request names none. */
    @WithDefault("3")
    int defaultPlannedSessions();

    /** Healing days between sessions when the request names none. */
    @WithDefault("7")
    int defaultHealingIntervalDays();

    /** Shortest healing interval allowed without an admin override with a reason. */
    @WithDefault("7")
    int minHealingIntervalDays();

    /** Age (in whole years, in the client's time zone) below which a guardian's consent is needed. */
    @WithDefault("18")
    int adultAge();
}
