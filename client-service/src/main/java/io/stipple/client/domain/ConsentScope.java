package io.stipple.client.domain;

/** What a consent covers. {@link #PARTNER_SHARING} is given per partner. */
public enum ConsentScope {
    TREATMENT, CLINICAL_PHOTOS, PUBLIC_GALLERY, MARKETING, PARTNER_SHARING;

    public boolean perPartner() {
        return this == PARTNER_SHARING;
    }
}
