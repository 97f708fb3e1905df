-- How far each projection has got, per subject: the subjectsequence of the last event it applied for one aspect of
-- a subject (a consent scope, a contact record). ProjectionGuard.advance moves it forward only; an event whose number
-- is not above it is older than what the projection holds (a redelivery, a replayed dead letter) and is ignored.
create table projection_position (
    clinic_id  uuid         not null,
    aspect     varchar(100) not null,
    source     varchar(200) not null,
    subject    varchar(200) not null,
    sequence   bigint       not null,
    primary key (clinic_id, aspect, source, subject)
);
