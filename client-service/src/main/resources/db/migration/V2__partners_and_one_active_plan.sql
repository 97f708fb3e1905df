-- Issue 11 (trust layer): the clinic's registered partners, partner-sharing consent naming a registered partner,
-- and "one agreed or running plan per client" kept by the database itself.
--
-- Flyway connects with stipple.all_clinics = 'on' (platform init-sql); set here too, for this transaction only, so
-- the backfill below sees and writes every clinic's rows even if the tables are already under Row-Level Security.
select set_config('stipple.all_clinics', 'on', true), set_config('stipple.purpose', 'client-service migration V2', true);

-- client-service's own record of each partner a clinic registers: when, and the version for ETag/If-Match.
-- The platform table partner_registry (written in the same transaction) is the current name and status every
-- service checks; this table adds what only the owner of the registry needs.
create table partner (
    clinic_id     uuid         not null,
    partner_id    varchar(100) not null,
    name          varchar(200) not null,
    status        varchar(20)  not null check (status in ('ACTIVE', 'SUSPENDED', 'REVOKED')),
    registered_at timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null,
    primary key (clinic_id, partner_id)
);
create index partner_clinic_order on partner (clinic_id, registered_at, partner_id);

-- Backfill for databases that already hold consents: every partner id a PARTNER_SHARING consent named becomes a
-- registered partner of that clinic, SUSPENDED (named by its id), so nothing is shared with it until an admin
-- activates it. Ids that cannot be a partner id (PartnerDirectory.PARTNER_ID: lower-case letters, digits, '.',
-- '_', '-', 2 to 100 characters) cannot be registered, can never name a partner token, and stay history only.
insert into partner (clinic_id, partner_id, name, status, registered_at, updated_at, version)
select clinic_id, partner_id, partner_id, 'SUSPENDED', min(occurred_at), now(), 0
from consent_record
where scope = 'PARTNER_SHARING' and partner_id ~ '^[a-z0-9][a-z0-9._-]{1,99}$'
group by clinic_id, partner_id
on conflict do nothing;

insert into partner_registry (clinic_id, partner_id, name, status, as_of)
select clinic_id, partner_id, name, status, updated_at
from partner
on conflict (clinic_id, partner_id) do nothing;

-- "Client X shares with partner P": the client's latest PARTNER_SHARING record for that partner.
insert into partner_sharing (clinic_id, client_id, partner_id, shared, as_of)
select distinct on (clinic_id, client_id, partner_id) clinic_id, client_id, partner_id, action = 'GRANTED', occurred_at
from consent_record
where scope = 'PARTNER_SHARING' and partner_id ~ '^[a-z0-9][a-z0-9._-]{1,99}$'
order by clinic_id, client_id, partner_id, seq desc
on conflict (clinic_id, client_id, partner_id) do nothing;

-- One agreed or running plan per client. Before the index can exist, a database that already holds several
-- (the race of issue 11) keeps one per client (a running one first, else the first agreed) and cancels the
-- others, telling the other services through the outbox exactly as a cancellation through the API would.
with ranked as (
    select id, client_id, clinic_id,
           row_number() over (partition by client_id
               order by (status = 'IN_PROGRESS') desc, agreed_at nulls last, created_at, id) as rank
    from treatment_plan
    where status in ('AGREED', 'IN_PROGRESS')),
surplus as (
    select id, client_id, clinic_id, gen_random_uuid() as event_id,
           'Cancelled by migration: the client had another agreed or running plan (one per client)' as reason,
           to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
    from ranked
    where rank > 1),
cancelled as (
    update treatment_plan p
    set status = 'CANCELLED', cancelled_at = now(), cancel_reason = s.reason, version = p.version + 1
    from surplus s
    where p.id = s.id
    returning p.id)
insert into outbox_event (event_id, clinic_id, topic, message_key, event_type, payload, correlation_id, created_at)
select s.event_id, s.clinic_id, 'stipple.clients', s.client_id::text, 'io.stipple.TreatmentPlanCancelled',
       jsonb_build_object(
           'specversion', '1.0',
           'id', s.event_id,
           'source', '/stipple/client-service',
           'type', 'io.stipple.TreatmentPlanCancelled',
           'subject', s.client_id,
           'time', s.at,
           'datacontenttype', 'application/json',
           'clinicid', s.clinic_id,
           'schemaversion', 1,
           'correlationid', null,
           'data', jsonb_build_object('clientId', s.client_id, 'planId', s.id, 'occurredAt', s.at,
                                      'reason', s.reason))::text,
       null, now()
from surplus s
         join cancelled c on c.id = s.id;

create unique index treatment_plan_one_active on treatment_plan (client_id)
    where status in ('AGREED', 'IN_PROGRESS');
