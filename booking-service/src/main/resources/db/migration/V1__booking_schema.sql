-- booking-service schema: clinics, staff, rooms, catalogue, bookings, session records and the
-- projection of client-service events. Times are UTC timestamptz; clinic-local rules use clinic.time_zone.

-- Exclusion constraints mixing "=" on uuid with "&&" on ranges need btree_gist.
create extension if not exists btree_gist;

create table clinic (
    id                        uuid         primary key,
    name                      varchar(200) not null,
    address_line1             varchar(200) not null,
    address_line2             varchar(200),
    city                      varchar(100) not null,
    postcode                  varchar(20),
    country                   char(2)      not null,
    time_zone                 varchar(64)  not null,
    currency                  char(3)      not null,
    -- weekly opening hours as JSON: [{"weekday":"MONDAY","opens":"09:00","closes":"18:00"}, ...]
    opening_hours             text         not null,
    -- a client may cancel or reschedule up to this many hours before the start; staff always may
    cancellation_notice_hours integer      not null check (cancellation_notice_hours >= 0),
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null,
    version                   bigint       not null
);

-- Whole days the clinic is closed (holidays, refurbishment), in the clinic's local calendar.
create table clinic_closure (
    id         uuid         primary key,
    clinic_id  uuid         not null references clinic (id),
    first_day  date         not null,
    last_day   date         not null,
    reason     varchar(200) not null,
    created_at timestamptz  not null,
    check (last_day >= first_day)
);
create index clinic_closure_clinic on clinic_closure (clinic_id, last_day);

create table room (
    id         uuid         primary key,
    clinic_id  uuid         not null references clinic (id),
    name       varchar(100) not null,
    active     boolean      not null,
    created_at timestamptz  not null,
    version    bigint       not null,
    unique (clinic_id, name)
);

create table treatment (
    id                     uuid         primary key,
    clinic_id              uuid         not null references clinic (id),
    kind                   varchar(40)  not null,
    treatment_type         varchar(40),
    name                   varchar(200) not null,
    base_duration_minutes  integer      not null check (base_duration_minutes between 5 and 720),
    buffer_minutes         integer      not null check (buffer_minutes between 0 and 240),
    price_minor            bigint       not null check (price_minor >= 0),
    currency               char(3)      not null,
    healing_interval_days  integer,
    -- session length by coverage, JSON: [{"stages":["6","7"],"conditions":[],"minCoverage":null,...,"durationMinutes":210}]
    duration_rules         text         not null,
    active                 boolean      not null,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    version                bigint       not null
);
create index treatment_clinic on treatment (clinic_id, created_at, id);

create table technician (
    id             uuid         primary key,
    clinic_id      uuid         not null references clinic (id),
    display_name   varchar(200) not null,
    email          varchar(320),
    -- JSON array of treatment ids this technician performs
    treatment_ids  text         not null,
    -- weekly working hours as JSON, same shape as clinic.opening_hours
    working_hours  text         not null,
    active         boolean      not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null
);
create index technician_clinic on technician (clinic_id, created_at, id);

create table technician_time_off (
    id            uuid         primary key,
    clinic_id     uuid         not null references clinic (id),
    technician_id uuid         not null references technician (id),
    starts_at     timestamptz  not null,
    ends_at       timestamptz  not null,
    reason        varchar(200),
    created_at    timestamptz  not null,
    check (ends_at > starts_at)
);
create index technician_time_off_range on technician_time_off using gist (technician_id, tstzrange(starts_at, ends_at, '[)'));

create table booking (
    id                          uuid         primary key,
    clinic_id                   uuid         not null references clinic (id),
    -- null once the client is erased (the booking stays, anonymised, as clinic history)
    client_id                   uuid,
    kind                        varchar(40)  not null,
    treatment_id                uuid         not null references treatment (id),
    plan_id                     uuid,
    session_number              integer,
    technician_id               uuid         not null references technician (id),
    room_id                     uuid         not null references room (id),
    starts_at                   timestamptz  not null,
    ends_at                     timestamptz  not null,
    -- ends_at plus the treatment's clean-up buffer: the time the technician and room are taken
    occupied_until              timestamptz  not null,
    status                      varchar(20)  not null,
    preparation_notes           varchar(2000),
    booked_by                   varchar(200) not null,
    healing_override_days       integer,
    healing_override_by         varchar(200),
    healing_override_reason     varchar(500),
    cancelled_at                timestamptz,
    cancelled_by                varchar(20),
    cancel_reason               varchar(500),
    checked_in_at               timestamptz,
    no_show_at                  timestamptz,
    completed_at                timestamptz,
    created_at                  timestamptz  not null,
    updated_at                  timestamptz  not null,
    version                     bigint       not null,
    check (ends_at > starts_at),
    check (occupied_until >= ends_at),
    -- never a double booking, whatever the concurrency: PostgreSQL itself refuses an overlapping range
    constraint booking_technician_no_overlap exclude using gist
        (technician_id with =, tstzrange(starts_at, occupied_until, '[)') with &&)
        where (status in ('CONFIRMED', 'CHECKED_IN', 'COMPLETED')),
    constraint booking_room_no_overlap exclude using gist
        (room_id with =, tstzrange(starts_at, occupied_until, '[)') with &&)
        where (status in ('CONFIRMED', 'CHECKED_IN', 'COMPLETED'))
);
-- one live booking per session number of a plan
create unique index booking_plan_session on booking (plan_id, session_number)
    where plan_id is not null and status in ('CONFIRMED', 'CHECKED_IN', 'COMPLETED');
create index booking_clinic_start on booking (clinic_id, starts_at, id);
create index booking_client on booking (client_id, starts_at);
create index booking_plan on booking (plan_id) where plan_id is not null;

create table session_record (
    booking_id              uuid          primary key references booking (id),
    clinic_id               uuid          not null references clinic (id),
    session_number          integer,
    areas_treated           text          not null,
    pigment_brand           varchar(100)  not null,
    pigment_shade           varchar(100)  not null,
    pigment_dilution        varchar(50)   not null,
    pigment_lot             varchar(100)  not null,
    pigment_expiry          date          not null,
    needle_configuration    varchar(100)  not null,
    actual_duration_minutes integer       not null,
    technician_notes        varchar(4000),
    recorded_by             varchar(200)  not null,
    completed_at            timestamptz   not null
);

-- Projection of client-service events (never client-service's tables).
create table client_projection (
    client_id          uuid         primary key,
    clinic_id          uuid         not null,
    first_name         varchar(200),
    last_name          varchar(200),
    sex                varchar(20),
    scale              varchar(20),
    stage              varchar(10),
    condition          varchar(40),
    coverage_percent   integer,
    eligibility        varchar(20),
    screening_reviewed boolean,
    erased_at          timestamptz,
    updated_at         timestamptz  not null
);

create table plan_projection (
    plan_id               uuid        primary key,
    client_id             uuid        not null,
    clinic_id             uuid        not null,
    treatment_type        varchar(40) not null,
    planned_sessions      integer     not null,
    healing_interval_days integer     not null,
    scale                 varchar(20),
    stage                 varchar(10),
    condition             varchar(40),
    coverage_percent      integer,
    eligibility           varchar(20),
    sex                   varchar(20),
    status                varchar(20) not null,
    agreed_at             timestamptz not null,
    closed_at             timestamptz,
    updated_at            timestamptz not null
);
create index plan_projection_client on plan_projection (client_id);

-- PARTNER_SHARING consents: the partners a client's bookings may be made by.
create table partner_share (
    client_id  uuid         not null,
    partner_id varchar(200) not null,
    clinic_id  uuid         not null,
    granted_at timestamptz  not null,
    primary key (client_id, partner_id)
);
