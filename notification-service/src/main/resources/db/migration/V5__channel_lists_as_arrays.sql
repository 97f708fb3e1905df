-- Channel lists as text arrays instead of comma-separated strings (issue 17, "library first"): the entities map
-- them with Hibernate's array type, so no hand-written parsing is left in the service.
--
-- Expand/contract (deploy/README.md, "Rolling out a new version"): the previous version still reads and writes
-- the comma lists while its pods overlap with this one's, so this release adds the arrays next to them and keeps
-- both in step with a trigger; the next release drops the comma lists, the triggers and channel_csv/channel_list/channels_in_step.
--   preferred_channels (varchar, 'EMAIL,SMS')  -> preferred_channel_list (text[], {EMAIL,SMS})
--   opted_out_channels (varchar)                -> opted_out_channel_list (text[])
-- A list holds each known channel once, in channel order (EMAIL, SMS, PUSH), as the code always wrote them; a name
-- the code does not know is dropped, as the comma-list parser ignored it.
select set_config('stipple.all_clinics', 'on', true);

-- The comma list as an array: parts trimmed, unknown names and repeats dropped, in channel order.
create function channel_list(csv text) returns text[]
    language sql immutable as
$$
select coalesce(array_agg(known.name order by known.position), '{}')
from (select distinct trim(part) as name, array_position(array['EMAIL', 'SMS', 'PUSH'], trim(part)) as position
      from unnest(string_to_array(coalesce(csv, ''), ',')) as part) as known
where known.position is not null
$$;

-- The array as the comma list the previous version reads.
create function channel_csv(list text[]) returns text
    language sql immutable as
$$
select coalesce(array_to_string(channel_list(array_to_string(list, ',')), ','), '')
$$;

alter table client_contact add column preferred_channel_list text[];
update client_contact set preferred_channel_list = channel_list(preferred_channels);
alter table client_contact add constraint client_contact_preferred_channel_list_known
    check (preferred_channel_list <@ array['EMAIL', 'SMS', 'PUSH']);

alter table client_preference add column opted_out_channel_list text[];
update client_preference set opted_out_channel_list = channel_list(opted_out_channels);
alter table client_preference add constraint client_preference_opted_out_channel_list_known
    check (opted_out_channel_list <@ array['EMAIL', 'SMS', 'PUSH']);

-- Whichever version writes, the other's column follows: this version writes the array (and leaves the comma list
-- at its default on insert), the previous one the comma list (and never names the array). The array columns have no
-- default and stay nullable in this release only so an insert of the previous version is told apart; the trigger
-- always fills them. Arguments: the comma-list column, the array column.
create function channels_in_step() returns trigger
    language plpgsql as
$$
declare
    csv_column  text  := tg_argv[0];
    list_column text  := tg_argv[1];
    written     jsonb := to_jsonb(new);
    before      jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) end;
begin
    if (tg_op = 'INSERT' and jsonb_typeof(written -> list_column) = 'null')
            or (tg_op = 'UPDATE' and written -> list_column is not distinct from before -> list_column
                and written -> csv_column is distinct from before -> csv_column) then
        new := jsonb_populate_record(new, jsonb_build_object(list_column, channel_list(written ->> csv_column)));
    elsif tg_op = 'INSERT' or written -> list_column is distinct from before -> list_column then
        new := jsonb_populate_record(new, jsonb_build_object(csv_column,
                channel_csv(array(select jsonb_array_elements_text(written -> list_column)))));
    end if;
    return new;
end
$$;

create trigger client_contact_channels_in_step
    before insert or update on client_contact
    for each row execute function channels_in_step('preferred_channels', 'preferred_channel_list');

create trigger client_preference_channels_in_step
    before insert or update on client_preference
    for each row execute function channels_in_step('opted_out_channels', 'opted_out_channel_list');

comment on column client_contact.preferred_channels is
    'DEPRECATED (V5): the comma list of the previous version, kept in step with preferred_channel_list; dropped next release';
comment on column client_preference.opted_out_channels is
    'DEPRECATED (V5): the comma list of the previous version, kept in step with opted_out_channel_list; dropped next release';
