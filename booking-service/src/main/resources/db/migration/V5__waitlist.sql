-- Waitlist (issue 13 point 3): clients wait for a treatment in a date range; when booked time frees, the waiting
-- clients it fits are offered it. Every table has a clinic_id, so the platform's afterMigrate callback puts it
-- under forced Row-Level Security like the rest.

-- how the clinic offers freed time: the first in line gets a hold on it, or everyone gets an offer and the first
-- to accept books it; how long an offer stands (5 minutes to a day, an hour unless the clinic says otherwise)
alter table clinic add column waitlist_mode text not null default 'FIRST_IN_LINE'
    check (waitlist_mode in ('FIRST_IN_LINE', 'OFFER_TO_ALL'));
alter table clinic add column waitlist_offer_minutes integer not null default 60
    check (waitlist_offer_minutes between 5 and 1440);

-- join order: one sequence for every clinic (a later join always has a higher number)
create sequence waitlist_entry_seq;

create table waitlist_entry (
    id              uuid primary key,
    clinic_id       uuid        not null,
    seq             bigint      not null unique,
    client_id       uuid        not null,
    treatment_id    uuid        not null,
    technician_id   uuid,
    first_day       date        not null,
    last_day        date        not null,
    earliest_time   time,
    latest_time     time,
    status          text        not null check (status in ('WAITING', 'OFFERED', 'BOOKED', 'LEFT')),
    joined_by       text        not null,
    joined_at       timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0,
    check (last_day >= first_day and last_day <= first_day + 90),
    check (earliest_time is null or latest_time is null or earliest_time <= latest_time)
);
-- the candidates of a freed slot: the clinic's waiting entries for the treatment, in join order
create index waitlist_entry_waiting on waitlist_entry (clinic_id, treatment_id, seq) where status in ('WAITING', 'OFFERED');
create index waitlist_entry_client on waitlist_entry (clinic_id, client_id, seq);

-- Freed time to offer, written in the transaction that frees it (cancel, reschedule away, no-show, a hold released
-- or run out) and matched after commit, or by the sweep if the process died: PENDING until matched; OFFERED while
-- offers are out; CLOSED once booked through the waitlist or nobody waiting fits.
create table waitlist_slot (
    id              uuid primary key,
    clinic_id       uuid        not null,
    freed_booking_id uuid       not null,
    treatment_id    uuid        not null,
    technician_id   uuid        not null,
    starts_at       timestamptz not null,
    status          text        not null check (status in ('PENDING', 'OFFERED', 'CLOSED')),
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index waitlist_slot_pending on waitlist_slot (created_at) where status = 'PENDING';

-- An offer of a slot to one entry. FIRST_IN_LINE: booking_id is the HELD booking that takes the time until
-- expires_at; OFFER_TO_ALL: no hold, booking_id is set when accepted. A slot is offered to an entry at most once.
create table waitlist_offer (
    id              uuid primary key,
    clinic_id       uuid        not null,
    slot_id         uuid        not null references waitlist_slot (id),
    entry_id        uuid        not null references waitlist_entry (id),
    client_id       uuid        not null,
    mode            text        not null check (mode in ('FIRST_IN_LINE', 'OFFER_TO_ALL')),
    booking_id      uuid,
    treatment_id    uuid        not null,
    technician_id   uuid        not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    expires_at      timestamptz not null,
    status          text        not null check (status in ('OPEN', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'TAKEN')),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0,
    unique (slot_id, entry_id),
    check (mode = 'OFFER_TO_ALL' or booking_id is not null)
);
create index waitlist_offer_booking on waitlist_offer (booking_id) where booking_id is not null;
create index waitlist_offer_client on waitlist_offer (clinic_id, client_id, created_at);
