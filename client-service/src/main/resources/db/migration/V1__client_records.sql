-- client-service's own tables. Every row carries the clinic (tenant) it belongs to; every query filters by it.

create table client (
    id                 uuid         primary key,
    clinic_id          uuid         not null,
    first_name         varchar(100) not null,
    last_name          varchar(100) not null,
    -- lower-cased, so the same address in another case is a duplicate
    email              varchar(254) not null,
    -- E.164, e.g. +447700900123
    phone              varchar(20),
    date_of_birth      date         not null,
    sex                varchar(20)  not null,
    gender_identity    varchar(100),
    time_zone          varchar(64)  not null,
    locale             varchar(35)  not null,
    preferred_channels text[]       not null,
    marketing_opt_in   boolean      not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null
);
-- one client per email / phone in a clinic (the service names the existing one; these catch races)
create unique index client_email_per_clinic on client (clinic_id, email);
create unique index client_phone_per_clinic on client (clinic_id, phone) where phone is not null;
create index client_clinic_order on client (clinic_id, created_at, id);

create table assessment (
    id                  uuid         primary key,
    client_id           uuid         not null references client (id),
    clinic_id           uuid         not null,
    assessed_at         timestamptz  not null,
    scale               varchar(20)  not null,
    stage               varchar(5),
    condition           varchar(40)  not null,
    coverage_percent    integer      not null check (coverage_percent between 0 and 100),
    fitzpatrick_type    integer      not null check (fitzpatrick_type between 1 and 6),
    hair_colour         varchar(50)  not null,
    desired_look        varchar(40)  not null,
    scar_length_mm      integer,
    scar_width_mm       integer,
    scar_area_cm2       integer,
    scar_maturity       varchar(20),
    notes               text,
    recorded_by         varchar(200) not null,
    created_at          timestamptz  not null
);
create index assessment_client_order on assessment (client_id, assessed_at, id);

create table screening (
    id                     uuid         primary key,
    client_id              uuid         not null references client (id),
    clinic_id              uuid         not null,
    screened_at            timestamptz  not null,
    allergies              text[]       not null,
    pigment_allergy        boolean      not null,
    keloid_tendency        boolean      not null,
    blood_thinners         boolean      not null,
    psoriasis              boolean      not null,
    eczema                 boolean      not null,
    active_scalp_infection boolean      not null,
    pregnant               boolean      not null,
    minor                  boolean      not null,
    guardian_consent       boolean      not null,
    notes                  text,
    eligibility            varchar(20)  not null,
    reasons                text[]       not null,
    reviewed               boolean      not null,
    reviewed_by            varchar(200),
    reviewed_at            timestamptz,
    review_notes           text,
    recorded_by            varchar(200) not null,
    created_at             timestamptz  not null,
    version                bigint       not null
);
create index screening_client_order on screening (client_id, screened_at, id);

-- Append-only history: the current state of a scope is its latest record.
create table consent_record (
    id            uuid         primary key,
    seq           bigserial    not null unique,
    client_id     uuid         not null references client (id),
    clinic_id     uuid         not null,
    scope         varchar(30)  not null,
    partner_id    varchar(200),
    action        varchar(10)  not null,
    text_version  varchar(50)  not null,
    occurred_at   timestamptz  not null,
    recorded_by   varchar(200) not null,
    recorded_role varchar(20)  not null
);
create index consent_record_client on consent_record (client_id, scope, seq);
create index consent_record_partner on consent_record (partner_id, scope) where partner_id is not null;

create table treatment_plan (
    id                       uuid         primary key,
    client_id                uuid         not null references client (id),
    clinic_id                uuid         not null,
    treatment_type           varchar(30)  not null,
    planned_sessions         integer      not null check (planned_sessions between 1 and 6),
    healing_interval_days    integer      not null check (healing_interval_days >= 1),
    healing_override_reason  text,
    healing_override_by      varchar(200),
    hairline_design_notes    text,
    hairline_signed_off_by   varchar(200),
    hairline_signed_off_at   timestamptz,
    status                   varchar(20)  not null,
    assessment_id            uuid,
    screening_id             uuid,
    eligibility              varchar(20),
    created_by               varchar(200) not null,
    created_at               timestamptz  not null,
    agreed_by                varchar(200),
    agreed_at                timestamptz,
    started_at               timestamptz,
    completed_at             timestamptz,
    cancelled_at             timestamptz,
    cancel_reason            text,
    version                  bigint       not null
);
create index treatment_plan_client_order on treatment_plan (client_id, created_at, id);

-- Who read or changed medical data and consents. Erasure scrubs the personal content and keeps the fact.
create table audit_entry (
    id            uuid         primary key,
    seq           bigserial    not null unique,
    clinic_id     uuid         not null,
    client_id     uuid         not null,
    occurred_at   timestamptz  not null,
    actor         varchar(200) not null,
    actor_role    varchar(20)  not null,
    action        varchar(30)  not null,
    resource_type varchar(30)  not null,
    resource_id   uuid,
    detail        text
);
create index audit_entry_client on audit_entry (client_id, seq);
