-- a leased work table for LeasedQueueIT (the platform's claim frame over real PostgreSQL); a clinic table like the
-- services' (Row-Level Security from afterMigrate.sql), worked on as the dispatchers do, across clinics
create table work_item (
    id              uuid primary key,
    clinic_id       uuid not null,
    status          varchar(20) not null check (status in ('DUE', 'SENDING', 'DONE', 'LATER')),
    next_attempt_at timestamptz not null,
    claimed_until   timestamptz,
    claimed_by      varchar(60),
    attempts        int not null default 0,
    last_attempt_at timestamptz
);
