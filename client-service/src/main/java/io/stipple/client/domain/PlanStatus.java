package io.stipple.client.domain;

/** Lifecycle of a treatment plan: proposed → agreed → in progress → completed, or cancelled before completion. */
public enum PlanStatus {
    PROPOSED, AGREED, IN_PROGRESS, COMPLETED, CANCELLED;

    public boolean isOpen() {
        return this == PROPOSED || this == AGREED || this == IN_PROGRESS;
    }

    /** Agreed or under way: at most one such plan per client. */
    public boolean isActive() {
        return this == AGREED || this == IN_PROGRESS;
    }
}
