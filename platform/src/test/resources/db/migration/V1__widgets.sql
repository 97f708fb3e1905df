create table widget (
    id         uuid         primary key,
    clinic_id  uuid         not null,
    name       varchar(100) not null,
    quantity   integer      not null,
    version    bigint       not null default 0
);
-- What the consumer side applies: how often each widget's event arrived and was applied.
create table widget_projection (
    widget_id     uuid primary key,
    name          varchar(100) not null,
    applied_count integer      not null
);
