-- Each client's own key (AES-256) sealing the personal fields of the client's events on Kafka (crypto-shredding,
-- docs/EVENTS.md). Created with the client's first sealed event; deleted when the client is erased, after which no
-- copy of those events (topic, dead-letter topics, backups) can be opened again. Row-Level Security like every table
-- with a clinic_id (afterMigrate).
create table client_key (
    clinic_id  uuid        not null,
    client_id  uuid        not null,
    key        bytea       not null check (octet_length(key) = 32),
    created_at timestamptz not null default now(),
    primary key (clinic_id, client_id)
);
