-- The booking's self-service manage link token (issue 13 point 4), from BookingConfirmed since booking-service's
-- AsyncAPI 1.1.0: appointment reminders carry the link built from it (notification.links.manage-booking-url).
-- Kept only here, with the booking: it is a secret, so it is never copied into a reminder's payload, the delivery
-- log, a webhook body or the client export, and it goes with the booking when the client is erased.
-- Null for bookings confirmed before 1.1.0 (their reminders have no link). Additive: an older pod ignores it.
alter table booking add column manage_token varchar(256);
