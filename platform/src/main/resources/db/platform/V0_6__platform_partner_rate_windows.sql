-- The partner rate limit's current window per partner of a clinic, shared by every replica of the service: the limit
-- holds for the service as a whole, not per JVM (with 2-4 replicas a partner used to get 2-4 times its budget).
create table partner_rate_window (
    clinic_id    uuid         not null,
    partner_id   varchar(100) not null,
    window_start timestamptz  not null,
    used         integer      not null,
    primary key (clinic_id, partner_id)
);
