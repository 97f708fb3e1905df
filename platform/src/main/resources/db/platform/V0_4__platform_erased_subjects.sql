-- Clients erased in this service's database: what the platform's own stores must forget about them.
-- ClientErasure.forgetClient records the client here (ids only) and deletes what the platform tables hold; the outbox
-- relay deletes a row of an erased subject as soon as it is published (an event written by the erasure itself, or
-- one still in flight), instead of keeping it for stipple.outbox.retention.
create table erased_subject (
    clinic_id  uuid         not null,
    subject    varchar(200) not null,
    erased_at  timestamptz  not null default now(),
    primary key (clinic_id, subject)
);
