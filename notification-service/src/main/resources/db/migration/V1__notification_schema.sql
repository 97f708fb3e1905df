-- notification-service: projections of client and booking facts, reminder policies, scheduled
-- reminders (which are also the delivery log), client preferences and partner webhooks.

-- Contact details of a client, fed by client-service events (ClientRegistered / ClientUpdated / consents).
create table client_contact (
    client_id          uuid         primary key,
    clinic_id          uuid         not null,
    first_name         varchar(200),
    last_name          varchar(200),
    email              varchar(320),
    phone              varchar(32),
    sex                varchar(20),
    time_zone          varchar(64),
    locale             varchar(35),
    preferred_channels varchar(100) not null default '',
    marketing_opt_in   boolean      not null default false,
    marketing_consent  boolean      not null default false,
    client_version     bigint       not null default 0,
    updated_at         timestamptz  not null
);
create index client_contact_clinic on client_contact (clinic_id);

-- Clients erased in client-service: later events about them are ignored, nothing is re-created.
create table erased_client (
    client_id uuid        primary key,
    clinic_id uuid        not null,
    erased_at timestamptz not null
);

-- What a client (or staff for them) chose here: channels opted out of, maintenance tips off.
create table client_preference (
    client_id             uuid         primary key,
    clinic_id             uuid         not null,
    opted_out_channels    varchar(100) not null default '',
    maintenance_tips      boolean      not null default true,
    version               bigint       not null default 0,
    updated_at            timestamptz  not null
);
create index client_preference_clinic on client_preference (clinic_id);

-- Bookings as booking-service announced them: for appointment reminders, previews and suppression.
create table booking (
    booking_id        uuid         primary key,
    clinic_id         uuid         not null,
    client_id         uuid         not null,
    kind              varchar(40)  not null,
    plan_id           uuid,
    session_number    integer,
    treatment_name    varchar(200),
    clinic_name       varchar(200),
    clinic_time_zone  varchar(64)  not null,
    technician_name   varchar(200),
    starts_at         timestamptz  not null,
    ends_at           timestamptz,
    preparation_notes text,
    status            varchar(20)  not null,
    updated_at        timestamptz  not null
);
create index booking_client on booking (client_id, starts_at);
create index booking_plan on booking (plan_id) where plan_id is not null;

-- Reminder policy of a clinic as a JSON document. The row with the nil clinic id is the default every
-- clinic inherits until an admin changes its own copy.
create table reminder_policy (
    clinic_id  uuid        primary key,
    document   jsonb       not null,
    version    bigint      not null default 0,
    updated_at timestamptz not null default now(),
    updated_by varchar(200)
);

-- One reminder on one channel: the unit of scheduling, claiming and sending, and the delivery log entry.
create table scheduled_reminder (
    id                  uuid          primary key,
    clinic_id           uuid          not null,
    client_id           uuid,
    booking_id          uuid,
    plan_id             uuid,
    type                varchar(40)   not null,
    channel             varchar(10)   not null,
    dedupe_key          varchar(300)  not null unique,
    status              varchar(20)   not null,
    status_reason       varchar(100),
    due_at              timestamptz   not null,
    next_attempt_at     timestamptz   not null,
    zone                varchar(64)   not null,
    locale              varchar(35),
    payload             jsonb         not null default '{}',
    attempts            integer       not null default 0,
    claimed_by          varchar(100),
    claimed_until       timestamptz,
    recipient           varchar(320),
    provider_message_id varchar(200),
    last_error          varchar(1000),
    last_attempt_at     timestamptz,
    sent_at             timestamptz,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null
);
-- the dispatcher's claim: due rows in due order; stays small because only waiting rows are indexed
create index scheduled_reminder_due on scheduled_reminder (next_attempt_at) where status = 'SCHEDULED';
create index scheduled_reminder_lease on scheduled_reminder (claimed_until) where status = 'SENDING';
create index scheduled_reminder_client on scheduled_reminder (client_id, created_at);
create index scheduled_reminder_booking on scheduled_reminder (booking_id) where booking_id is not null;
create index scheduled_reminder_plan on scheduled_reminder (client_id, plan_id, type) where status = 'SCHEDULED';
create index scheduled_reminder_clinic on scheduled_reminder (clinic_id, created_at, id);

-- Partner webhook subscriptions of a clinic.
create table webhook_subscription (
    id          uuid          primary key,
    clinic_id   uuid          not null,
    url         varchar(2000) not null,
    secret      varchar(100)  not null,
    event_types varchar(1000) not null,
    description varchar(500),
    active      boolean       not null default true,
    created_by  varchar(200),
    created_at  timestamptz   not null,
    version     bigint        not null default 0
);
create index webhook_subscription_clinic on webhook_subscription (clinic_id, created_at, id);

-- One event to one subscription: retried with backoff, dead after the last attempt, redeliverable.
create table webhook_delivery (
    id               uuid          primary key,
    subscription_id  uuid          not null references webhook_subscription (id) on delete cascade,
    clinic_id        uuid          not null,
    client_id        uuid,
    event_id         uuid          not null,
    event_type       varchar(100)  not null,
    payload          text          not null,
    status           varchar(20)   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    claimed_until    timestamptz,
    last_status_code integer,
    last_error       varchar(1000),
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    created_at       timestamptz   not null,
    unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_lease on webhook_delivery (claimed_until) where status = 'SENDING';
create index webhook_delivery_subscription on webhook_delivery (subscription_id, created_at, id);
create index webhook_delivery_client on webhook_delivery (client_id) where client_id is not null;

-- The default policy every clinic starts from (see README: "Reminder policies").
insert into reminder_policy (clinic_id, document, version, updated_by) values (
    '00000000-0000-0000-0000-000000000000',
    '{
      "appointmentReminders": { "enabled": true, "offsets": ["P2D", "PT2H"] },
      "aftercare": {
        "enabled": true,
        "sendAt": "10:00",
        "steps": [
          { "day": 0, "type": "AFTERCARE_INSTRUCTIONS", "immediately": true },
          { "day": 3, "type": "AFTERCARE_CHECK_IN", "immediately": false },
          { "day": 7, "type": "HEALED", "immediately": false }
        ]
      },
      "nextSessionPrompt": { "enabled": true, "sendAt": "10:00" },
      "topUp": {
        "enabled": true,
        "sendAt": "10:00",
        "intervals": [
          { "treatmentType": "PERMANENT_SMP", "sex": "MALE", "months": 36 },
          { "treatmentType": "PERMANENT_SMP", "sex": "FEMALE", "months": 48 },
          { "treatmentType": "PERMANENT_SMP", "sex": null, "months": 36 },
          { "treatmentType": "TRICOPIGMENTATION", "sex": null, "months": 12 },
          { "treatmentType": "SCAR_CAMOUFLAGE", "sex": null, "months": 24 }
        ],
        "changeableConditions": ["ALOPECIA_AREATA", "ALOPECIA_TOTALIS", "ALOPECIA_UNIVERSALIS"],
        "checkInMonths": 6
      },
      "maintenanceTips": { "enabled": false, "firstAfterMonths": 3, "everyMonths": 6, "count": 4, "sendAt": "10:00" },
      "quietHours": { "enabled": true, "start": "21:00", "end": "08:00", "channels": ["SMS", "PUSH"] }
    }'::jsonb,
    0,
    'migration');
