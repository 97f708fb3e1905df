-- Trust layer (issue 11): every table is keyed by clinic, so PostgreSQL's Row-Level Security (applied by the
-- platform's afterMigrate callback to every table with a clinic_id column) keeps clinics apart; partner
-- sharing comes from the platform's partner directory instead of booking-service's own table.

-- On a database migrated before, RLS is already forced on these tables (even for the owner running this
-- script): this migration moves rows of every clinic, so it works across clinics for its own transaction.
select set_config('stipple.all_clinics', 'on', true);

-- The clinic row's tenant is its own id: a generated clinic_id puts it under the same policy.
alter table clinic add column clinic_id uuid generated always as (id) stored;

-- The projection of client-service's clients, keyed by clinic and client: an event of clinic B about a client
-- id never touches clinic A's row (and is not refused by A's invisible row holding the same key).
alter table client_projection drop constraint client_projection_pkey;
alter table client_projection add constraint client_projection_pkey primary key (clinic_id, client_id);

alter table plan_projection drop constraint plan_projection_pkey;
alter table plan_projection add constraint plan_projection_pkey primary key (clinic_id, plan_id);
drop index plan_projection_client;
create index plan_projection_client on plan_projection (clinic_id, client_id);

-- One live booking per session number of a plan, within the plan's clinic.
drop index booking_plan_session;
create unique index booking_plan_session on booking (clinic_id, plan_id, session_number)
    where plan_id is not null and status in ('CONFIRMED', 'CHECKED_IN', 'COMPLETED');
drop index booking_client;
create index booking_client on booking (clinic_id, client_id, starts_at);

-- PARTNER_SHARING consents move to the platform's partner_sharing (one projection for every service).
-- A partner id that is not a valid registered-partner id could never be registered, so never shared with.
insert into partner_sharing (clinic_id, client_id, partner_id, shared, as_of)
select clinic_id, client_id, partner_id, true, granted_at
from partner_share
where partner_id ~ '^[a-z0-9][a-z0-9._-]{1,99}$'
on conflict (clinic_id, client_id, partner_id) do update
    set shared = excluded.shared, as_of = excluded.as_of
    where partner_sharing.as_of <= excluded.as_of;
drop table partner_share;
