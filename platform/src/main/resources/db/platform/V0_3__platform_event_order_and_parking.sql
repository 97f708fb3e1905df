-- Per-client order, end to end, and a record Kafka refuses parked instead of damming the outbox.
--
-- outbox_sequence: the last sequence number given to each message key (the client id) of a clinic. Outbox.publish
-- takes the next one with an upsert, which row-locks the key until the transaction ends: a second transaction
-- writing an event for the same client waits for the first to commit or roll back before it takes its number and
-- its outbox id, so one client's events get outbox ids (the relay's order) and sequence numbers in commit order.
create table outbox_sequence (
    clinic_id     uuid         not null,
    message_key   varchar(200) not null,
    last_sequence bigint       not null,
    primary key (clinic_id, message_key)
);

-- the number published as the CloudEvents extension 'subjectsequence'; consumers' projections ignore an event
-- whose number is not above what they have applied for that subject
alter table outbox_event add column sequence bigint;

-- a row Kafka refused for good (too large, invalid topic, not authorised): set aside with the reason, shown by
-- the stipple_outbox_parked metric, never retried by the relay, so the rows after it still go out
alter table outbox_event add column parked_at timestamptz;
alter table outbox_event add column parked_reason varchar(1000);

drop index outbox_event_pending;
create index outbox_event_pending on outbox_event (id) where published_at is null and parked_at is null;

-- the partner projection remembers the subjectsequence of the event that set each row, so an older event (a
-- redelivery, a dead-letter replay) never overwrites a newer decision; rows written by the owner directly, or
-- from events without the number, fall back to comparing as_of
alter table partner_registry add column source_sequence bigint;
alter table partner_sharing add column source_sequence bigint;
