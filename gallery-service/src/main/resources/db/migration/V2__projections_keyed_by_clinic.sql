-- Trust layer (issue 11): PostgreSQL keeps clinics apart (Row-Level Security on every table with a clinic_id,
-- applied by the platform's afterMigrate callback), and the projections of other services' facts are keyed by
-- clinic AND the upstream id. A client id or booking id means something only inside its clinic: a second clinic's
-- event naming the same id is another row, never a change to (or a collision with) the first clinic's row.
--
-- Every table of this schema has a clinic_id column and so is protected:
--   clinic (keyed by clinic_id), client_profile, completed_session, photo, photo_set, access_audit,
--   and the platform's outbox_event, idempotency_record, partner_registry, partner_sharing.
-- The only global table is the platform's inbox_event (ids of applied events, no clinic data).

alter table client_profile drop constraint client_profile_pkey;
alter table client_profile add constraint client_profile_pkey primary key (clinic_id, client_id);

alter table completed_session drop constraint completed_session_pkey;
alter table completed_session add constraint completed_session_pkey primary key (clinic_id, booking_id);
drop index completed_session_client;
create index completed_session_client on completed_session (clinic_id, client_id);

drop index photo_booking;
create index photo_booking on photo (clinic_id, booking_id) where booking_id is not null;

drop index access_audit_client;
create index access_audit_client on access_audit (clinic_id, client_id);

-- the public gallery reads published sets of every clinic (its one cross-clinic path) and checks each set's
-- client still consents: the profile is looked up by (clinic_id, client_id), the primary key above
