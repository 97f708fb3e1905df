-- Slot holds: a booking in state HELD takes its technician's and room's time (and its plan session number) under the
-- same exclusion constraints as a confirmed booking, until it is confirmed (same id), released or its hold expires.
-- An exclusion constraint cannot ask the time, so a hold whose hold_expires_at has passed is marked EXPIRED in the
-- transaction of the next write that could overlap it (BookingRepository.expireHolds); reads ignore it at once.

-- how long a slot hold lasts in this clinic (the issue: default 5 minutes, at most 15)
alter table clinic add column hold_minutes integer not null default 5 check (hold_minutes between 1 and 15);

alter table booking add column hold_expires_at timestamptz;
alter table booking add constraint booking_hold_has_expiry check (status <> 'HELD' or hold_expires_at is not null);

alter table booking drop constraint booking_technician_no_overlap;
alter table booking drop constraint booking_room_no_overlap;
alter table booking add constraint booking_technician_no_overlap exclude using gist
    (technician_id with =, tstzrange(starts_at, occupied_until, '[)') with &&)
    where (status in ('HELD', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED'));
alter table booking add constraint booking_room_no_overlap exclude using gist
    (room_id with =, tstzrange(starts_at, occupied_until, '[)') with &&)
    where (status in ('HELD', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED'));

drop index booking_plan_session;
create unique index booking_plan_session on booking (plan_id, session_number)
    where plan_id is not null and status in ('HELD', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED');

-- the live holds of a clinic, by when they run out (the expiry before a write, and the sweeper)
create index booking_live_hold on booking (clinic_id, hold_expires_at) where status = 'HELD';
