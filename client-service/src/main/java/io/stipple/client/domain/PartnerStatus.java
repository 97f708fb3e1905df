package io.stipple.client.domain;

/**
 * Where a registered partner stands with its clinic. Only an {@link #ACTIVE} partner's token is accepted and only
 * an active partner can be named by a new partner-sharing consent; a suspended or revoked partner sees nothing,
 * whatever its clients consented to (their consents are kept and count again if it is reactivated).
 */
public enum PartnerStatus {
    ACTIVE, SUSPENDED, REVOKED
}
