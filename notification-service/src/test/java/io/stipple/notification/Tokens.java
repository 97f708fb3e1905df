package io.stipple.notification;

import io.stipple.testinfra.DevTokens;

import java.util.UUID;

/** Development tokens for the roles the API knows. */
public final class Tokens {

    private Tokens() {
    }

    public static String admin(UUID clinicId) {
        return DevTokens.token("admin-" + clinicId, clinicId, "admin");
    }

    public static String staff(UUID clinicId) {
        return DevTokens.token("staff-" + clinicId, clinicId, "staff");
    }

    public static String client(UUID clinicId, UUID clientId) {
        return DevTokens.builder().subject("client-" + clientId).clinic(clinicId).roles("client").clientId(clientId).sign();
    }

    public static String partner(UUID clinicId, String partnerId) {
        return DevTokens.builder().subject(partnerId).clinic(clinicId).roles("partner").partnerId(partnerId).sign();
    }
}
