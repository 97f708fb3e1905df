package io.stipple.gallery.domain;

/** The consent scopes the gallery acts on (others in the contract are ignored). */
public enum ConsentScope {
    CLINICAL_PHOTOS, PUBLIC_GALLERY
}
