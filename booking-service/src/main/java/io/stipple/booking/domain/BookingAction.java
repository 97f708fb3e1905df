package io.stipple.booking.domain;

/** What can be done to a booking; {@link BookingStatus#after(BookingAction)} says where each leads. */
public enum BookingAction {
    RESCHEDULE, CANCEL, CHECK_IN, MARK_NO_SHOW, COMPLETE, CONFIRM, RELEASE, EXPIRE, AWAIT_PAYMENT, CONFIRM_PAYMENT
}
