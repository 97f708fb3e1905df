-- Deposits, cancellation fees and no-show policy (issue 14). The policies are data on the clinic (and a treatment's
-- own deposit policy, null = the clinic's); a booking that needs a deposit waits in PENDING_PAYMENT, holding its time
-- like a slot hold until the payment provider confirms the payment or hold_expires_at passes.

alter table clinic add column deposit_policy text;
alter table clinic add column payment_minutes integer not null default 30 check (payment_minutes between 5 and 1440);
alter table clinic add column cancellation_fees text;
alter table treatment add column deposit_policy text;

-- PENDING_PAYMENT takes the technician's and room's time and the plan session number, as HELD does
alter table booking drop constraint booking_hold_has_expiry;
alter table booking add constraint booking_hold_has_expiry
    check (status not in ('HELD', 'PENDING_PAYMENT') or hold_expires_at is not null);
alter table booking drop constraint booking_technician_no_overlap;
alter table booking drop constraint booking_room_no_overlap;
alter table booking add constraint booking_technician_no_overlap exclude using gist
    (technician_id with =, tstzrange(starts_at, occupied_until, '[)') with &&)
    where (status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED'));
alter table booking add constraint booking_room_no_overlap exclude using gist
    (room_id with =, tstzrange(starts_at, occupied_until, '[)') with &&)
    where (status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED'));
-- keyed by clinic again (as V2 made it; V4 left the clinic out when it added HELD)
drop index booking_plan_session;
create unique index booking_plan_session on booking (clinic_id, plan_id, session_number)
    where plan_id is not null and status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED');
drop index booking_live_hold;
create index booking_live_hold on booking (clinic_id, hold_expires_at) where status in ('HELD', 'PENDING_PAYMENT');
-- a client's no-shows (the NO_SHOW_HISTORY deposit rule)
create index booking_client_no_show on booking (clinic_id, client_id, starts_at) where status = 'NO_SHOW';

-- A booking's deposit: one per booking. No card data: the provider holds it; client_secret is what the client's
-- browser needs to pay (kept while the payment is open, cleared once it is not).
create table payment (
    id                  uuid         primary key,
    clinic_id           uuid         not null references clinic (id),
    booking_id          uuid         not null unique references booking (id),
    client_id           uuid,
    status              varchar(30)  not null,
    amount_minor        bigint       not null check (amount_minor > 0),
    currency            char(3)      not null,
    intent_id           varchar(255) unique,
    client_secret       varchar(500),
    expires_at          timestamptz  not null,
    paid_at             timestamptz,
    refunded_minor      bigint       not null default 0,
    kept_minor          bigint       not null default 0,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null
);
create index payment_client on payment (clinic_id, client_id);

-- Append-only history of every payment state change and money decision (the outbox-style record): from, to, cause,
-- the rule that decided, the amount, when, the provider's ids. action (CHARGE_DEPOSIT, REFUND, FORFEIT, FEE) marks a
-- decision shown on the booking.
create table payment_change (
    id                  uuid         primary key,
    seq                 bigserial    not null,
    clinic_id           uuid         not null references clinic (id),
    payment_id          uuid         not null references payment (id),
    at                  timestamptz  not null,
    from_status         varchar(30),
    to_status           varchar(30)  not null,
    cause               varchar(60)  not null,
    action              varchar(30),
    rule                varchar(100),
    amount_minor        bigint,
    currency            char(3),
    provider_ref        varchar(255)
);
create index payment_change_of_payment on payment_change (payment_id, seq);
create rule payment_change_append_only_update as on update to payment_change do instead nothing;
create rule payment_change_append_only_delete as on delete to payment_change do instead nothing;

-- Provider calls decided in a transaction and made after its commit (refunds, intent cancels): a leased queue
-- (platform work.LeasedQueue), retried with backoff; the command id is the provider's idempotency key.
create table payment_command (
    id                  uuid         primary key,
    clinic_id           uuid         not null references clinic (id),
    payment_id          uuid         not null references payment (id),
    kind                varchar(20)  not null check (kind in ('REFUND', 'CANCEL_INTENT')),
    amount_minor        bigint,
    reason              varchar(40),
    rule                varchar(100),
    status              varchar(20)  not null check (status in ('DUE', 'SENDING', 'DONE')),
    next_attempt_at     timestamptz  not null,
    claimed_until       timestamptz,
    attempts            integer      not null default 0,
    last_attempt_at     timestamptz,
    last_error          varchar(1000),
    provider_ref        varchar(255),
    created_at          timestamptz  not null
);
create index payment_command_due on payment_command (next_attempt_at) where status = 'DUE';
create index payment_command_sending on payment_command (claimed_until) where status = 'SENDING';

-- Provider webhook events applied, recorded in the transaction that applies one: a replay changes nothing.
create table payment_provider_event (
    event_id            varchar(255) primary key,
    clinic_id           uuid         not null references clinic (id),
    type                varchar(100) not null,
    received_at         timestamptz  not null
);
