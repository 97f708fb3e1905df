-- Exactly once as the recipient sees it (issue 12): a send attempt is recorded, and committed, before the message
-- leaves. A claim whose lease expires with attempt_started_at set was (perhaps) handed to the channel: on a channel
-- that does not deduplicate it becomes UNCERTAIN instead of being sent again; without it, nothing left and the
-- reminder is simply scheduled again. UNCERTAIN is a status of its own (status is a varchar, no type change).

alter table scheduled_reminder add column attempt_started_at timestamptz;
comment on column scheduled_reminder.attempt_started_at is
    'when the current attempt was handed to the channel (committed before sending); null while only claimed';

-- staff look for the reminders whose delivery nobody can vouch for
create index scheduled_reminder_uncertain on scheduled_reminder (clinic_id, updated_at) where status = 'UNCERTAIN';
