-- gallery-service schema. Images themselves live in object storage; rows hold only generated object names.

-- Clinics as the gallery knows them: public name (from SessionCompleted) and gallery settings.
create table clinic (
    clinic_id              uuid         primary key,
    name                   varchar(200),
    client_uploads_allowed boolean      not null default false,
    updated_at             timestamptz  not null,
    version                bigint       not null default 0
);

-- Projection of client-service events: photo consents and the facts the public gallery filters on.
-- No name or contact detail is ever stored here. After ClientErased the row is a tombstone.
create table client_profile (
    client_id                  uuid        primary key,
    clinic_id                  uuid        not null,
    clinical_photos_consent    boolean     not null default false,
    clinical_photos_consent_at timestamptz,
    public_gallery_consent     boolean     not null default false,
    public_gallery_consent_at  timestamptz,
    condition                  varchar(40),
    scale                      varchar(10),
    stage                      varchar(5),
    fitzpatrick_type           smallint,
    assessed_at                timestamptz,
    treatment_type             varchar(30),
    treatment_known_at         timestamptz,
    erased_at                  timestamptz,
    updated_at                 timestamptz not null
);

-- Sessions booking-service reported completed: photos taken at a booking are linked to the session number.
create table completed_session (
    booking_id     uuid        primary key,
    clinic_id      uuid        not null,
    client_id      uuid        not null,
    plan_id        uuid,
    session_number integer,
    treatment_type varchar(30),
    completed_at   timestamptz not null
);
create index completed_session_client on completed_session (client_id);

create table photo (
    id             uuid         primary key,
    clinic_id      uuid         not null,
    client_id      uuid         not null,
    booking_id     uuid,
    session_number integer,
    phase          varchar(10)  not null,
    angle          varchar(20)  not null,
    taken_at       timestamptz  not null,
    uploaded_at    timestamptz  not null,
    uploaded_by    varchar(200) not null,
    source_format  varchar(10)  not null,
    content_sha256 char(64)     not null,
    width          integer      not null,
    height         integer      not null,
    full_key       varchar(300) not null,
    full_bytes     bigint       not null,
    display_key    varchar(300) not null,
    thumbnail_key  varchar(300) not null,
    version        bigint       not null default 0
);
-- an exact duplicate (same bytes) of the same client's photo is refused
create unique index photo_client_content on photo (clinic_id, client_id, content_sha256);
create index photo_client_taken on photo (clinic_id, client_id, taken_at, id);
create index photo_booking on photo (booking_id) where booking_id is not null;

create table photo_set (
    id                uuid          primary key,
    clinic_id         uuid          not null,
    client_id         uuid          not null,
    angle             varchar(20)   not null,
    before_photo_id   uuid          not null references photo (id),
    after_photo_id    uuid          not null references photo (id),
    after_phase       varchar(10)   not null,
    status            varchar(12)   not null,
    created_at        timestamptz   not null,
    created_by        varchar(200)  not null,
    submitted_at      timestamptz,
    published_at      timestamptz,
    published_by      varchar(200),
    withdrawn_at      timestamptz,
    withdrawal_reason varchar(30),
    moderation_note   varchar(1000),
    treatment_type    varchar(30),
    condition         varchar(40),
    scale             varchar(10),
    stage             varchar(5),
    fitzpatrick_type  smallint,
    clinic_name       varchar(200),
    composite_key     varchar(300),
    version           bigint        not null default 0
);
create index photo_set_client on photo_set (clinic_id, client_id, created_at, id);
create index photo_set_public on photo_set (published_at desc, id) where status = 'PUBLISHED';
create index photo_set_before on photo_set (before_photo_id);
create index photo_set_after on photo_set (after_photo_id);

-- Every access to a private image, and every signed link issued.
create table access_audit (
    id             uuid         primary key,
    clinic_id      uuid         not null,
    client_id      uuid,
    photo_id       uuid,
    set_id         uuid,
    rendition      varchar(20),
    action         varchar(30)  not null,
    actor          varchar(300) not null,
    actor_role     varchar(20),
    correlation_id varchar(100),
    accessed_at    timestamptz  not null
);
create index access_audit_photo on access_audit (clinic_id, photo_id, accessed_at, id);
create index access_audit_client on access_audit (client_id);
