-- Platform tables shared by every service (each service has its own database).
-- Versions V0_x belong to the platform; a service's own migrations start at V1.

-- Transactional outbox: written in the same transaction as the change, relayed to Kafka after commit.
create table outbox_event (
    id             bigserial    primary key,
    event_id       uuid         not null unique,
    topic          varchar(200) not null,
    message_key    varchar(200) not null,
    event_type     varchar(200) not null,
    payload        text         not null,
    correlation_id varchar(100),
    created_at     timestamptz  not null default now(),
    published_at   timestamptz
);
create index outbox_event_pending on outbox_event (id) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Idempotent consumer: the ids of the events a consumer has applied, written with the effect.
create table inbox_event (
    consumer    varchar(100) not null,
    event_id    uuid         not null,
    event_type  varchar(200) not null,
    topic       varchar(200) not null,
    received_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
create index inbox_event_received_at on inbox_event (received_at);

-- Idempotency-Key on creating POSTs: the first response is kept and replayed for a retry.
create table idempotency_record (
    scope          varchar(400) not null,
    idem_key       varchar(255) not null,
    request_hash   varchar(64)  not null,
    created_at     timestamptz  not null default now(),
    completed_at   timestamptz,
    status         integer,
    content_type   varchar(200),
    location       varchar(2000),
    etag           varchar(200),
    body           bytea,
    primary key (scope, idem_key)
);
create index idempotency_record_created_at on idempotency_record (created_at);
