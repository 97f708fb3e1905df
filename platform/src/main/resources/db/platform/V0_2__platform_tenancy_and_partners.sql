-- Tenancy enforced by PostgreSQL (Row-Level Security) and the partner registry every service consults.
--
-- The clinic of the current unit of work is the setting stipple.clinic_id, set by the platform on every
-- connection it hands out (io.stipple.platform.tenancy.TenantConnectionInterceptor) from the verified token
-- (HTTP) or the event's clinic (consumers). Work that truly spans clinics (outbox relay, dispatchers,
-- clean-ups) is the one named path Tenancy.acrossClinics(...), which sets stipple.all_clinics = 'on'.
-- The row policies themselves are (re)applied by afterMigrate.sql to every table with a clinic_id column,
-- so a new table is protected without anyone remembering to.

create or replace function stipple_clinic() returns uuid
    language sql stable parallel safe
as $$ select nullif(current_setting('stipple.clinic_id', true), '')::uuid $$;

create or replace function stipple_all_clinics() returns boolean
    language sql stable parallel safe
as $$ select coalesce(current_setting('stipple.all_clinics', true), '') = 'on' $$;

-- The platform's own tables carry the clinic too, so they fall under the same policy.
alter table outbox_event add column clinic_id uuid;
alter table idempotency_record add column clinic_id uuid;

-- The clinic's registered partners (client-service is the owner and writes this table in its own
-- transactions; every other service keeps it as a projection of PartnerRegistered / PartnerUpdated).
create table partner_registry (
    clinic_id   uuid         not null,
    partner_id  varchar(100) not null,
    name        varchar(200) not null,
    status      varchar(20)  not null check (status in ('ACTIVE', 'SUSPENDED', 'REVOKED')),
    -- the time of the change this row reflects: an older event never overwrites a newer state
    as_of       timestamptz  not null,
    primary key (clinic_id, partner_id)
);

-- "Client X of clinic C currently shares with registered partner P": the one projection of the
-- PARTNER_SHARING consent that every service checks at read and at delivery time.
create table partner_sharing (
    clinic_id   uuid         not null,
    client_id   uuid         not null,
    partner_id  varchar(100) not null,
    shared      boolean      not null,
    as_of       timestamptz  not null,
    primary key (clinic_id, client_id, partner_id)
);
create index partner_sharing_partner on partner_sharing (clinic_id, partner_id) where shared;

comment on table inbox_event is 'stipple:global the ids of events a consumer has applied: no clinic data';
