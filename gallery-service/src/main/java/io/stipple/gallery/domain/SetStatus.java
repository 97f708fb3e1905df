package io.stipple.gallery.domain;

/** Moderation life cycle of a before/after set. */
public enum SetStatus {
    DRAFT, SUBMITTED, PUBLISHED, WITHDRAWN
}
