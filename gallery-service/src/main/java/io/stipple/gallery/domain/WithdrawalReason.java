package io.stipple.gallery.domain;

/** Why a set left the public gallery (the {@code reason} of PhotoWithdrawn). */
public enum WithdrawalReason {
    CONSENT_WITHDRAWN, CLIENT_ERASED, MODERATOR
}
