-- Trust layer (issue 11): projections keyed by clinic and client, webhook subscriptions with owners,
-- deliveries that can be cancelled with a reason, and the default reminder policy out of the clinic table.
--
-- Row-Level Security (platform afterMigrate.sql) may already be forced on these tables when this runs; the
-- migration is work across clinics, so it says so for its own transaction.
select set_config('stipple.all_clinics', 'on', true);

-- A client id is only meaningful inside its clinic: another clinic can never reach (or take over) the
-- contact, preferences or erasure marker of a client it does not know.
alter table client_contact drop constraint client_contact_pkey;
alter table client_contact add constraint client_contact_pkey primary key (clinic_id, client_id);
drop index if exists client_contact_clinic;

alter table erased_client drop constraint erased_client_pkey;
alter table erased_client add constraint erased_client_pkey primary key (clinic_id, client_id);

alter table client_preference drop constraint client_preference_pkey;
alter table client_preference add constraint client_preference_pkey primary key (clinic_id, client_id);
drop index if exists client_preference_clinic;

drop index if exists booking_client;
create index booking_client on booking (clinic_id, client_id, starts_at);

-- Who manages a subscription: the partner id of the partner that created it, or null for the clinic's own
-- (created by an admin). A partner sees and manages only its own; an admin all of the clinic's. Rows created
-- before owners existed stay the clinic's (the safe side: the admin keeps them, no partner gains any).
alter table webhook_subscription add column owner_partner_id varchar(100);
create index webhook_subscription_owner on webhook_subscription (clinic_id, owner_partner_id, created_at, id);

-- Why a delivery was not (or no longer) sent: CLIENT_ERASED, NOT_SHARED (the client does not, or no longer,
-- share with the subscription's partner).
alter table webhook_delivery add column status_reason varchar(40);
update webhook_delivery set status_reason = 'CLIENT_ERASED' where status = 'CANCELLED';

-- The default reminder policy holds no clinic's data: it moves out of the clinic-keyed table (where Row-Level
-- Security would hide its nil-clinic row from every clinic) into a one-row table of its own.
create table reminder_policy_default (
    id         smallint     primary key default 1 check (id = 1),
    document   jsonb        not null,
    updated_at timestamptz  not null default now(),
    updated_by varchar(200)
);
comment on table reminder_policy_default is
    'stipple:global the default reminder policy every clinic inherits: product configuration, no clinic data';
insert into reminder_policy_default (id, document, updated_at, updated_by)
select 1, document, updated_at, updated_by from reminder_policy
where clinic_id = '00000000-0000-0000-0000-000000000000';
delete from reminder_policy where clinic_id = '00000000-0000-0000-0000-000000000000';
