-- The busy-time queries (availability search, a write's overlap checks) ask for the live bookings of some
-- technicians or rooms that overlap a window. Under Row-Level Security PostgreSQL uses a condition for an index only
-- when its operator is leakproof; the range overlap `&&` is not, so the exclusion constraints' GiST indexes never
-- served those queries and each one read the whole table (a sequential scan: 7-12 ms at 10,000 bookings, whatever
-- the window). The queries now also say `occupied_until > window start and starts_at < window end` (the same overlap
-- for non-empty ranges, in leakproof timestamptz comparisons); these indexes answer it per resource: the entries
-- ending after the window's start, the start checked inside the index, so the cost follows the bookings at and after
-- the window, not the clinic's history.
create index booking_technician_window on booking (technician_id, occupied_until, starts_at)
    where status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED');
create index booking_room_window on booking (room_id, occupied_until, starts_at)
    where status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED');
