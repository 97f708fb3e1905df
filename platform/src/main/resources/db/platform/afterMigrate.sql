-- Runs after every Flyway migrate (a Flyway SQL callback), as the owner that runs the migrations.
--
-- 1. Every table of the schema that has a clinic_id column gets Row-Level Security, ENABLEd and FORCEd
--    (so even the owner is filtered), with one policy: a row is visible and writable only when its clinic
--    is the clinic of the current unit of work, or on the named cross-clinic path.
-- 2. The runtime role (${stipple_app_role}) gets plain DML on the tables and sequences, nothing else: it owns
--    nothing, so it can neither disable RLS nor drop a policy.
-- A table that holds no clinic's data says so in its comment ('stipple:global <why>'); the tenancy tests
-- fail for any other table without a policy.
do $tenancy$
declare
    t record;
begin
    for t in
        select c.oid::regclass as tbl
        from pg_class c
                 join pg_namespace n on n.oid = c.relnamespace
                 join pg_attribute a on a.attrelid = c.oid and a.attname = 'clinic_id' and not a.attisdropped
        where n.nspname = current_schema() and c.relkind in ('r', 'p')
    loop
        execute format('alter table %s enable row level security', t.tbl);
        execute format('alter table %s force row level security', t.tbl);
        execute format('drop policy if exists stipple_tenancy on %s', t.tbl);
        execute format('create policy stipple_tenancy on %s as permissive for all'
                           || ' using (clinic_id = stipple_clinic() or stipple_all_clinics())'
                           || ' with check (clinic_id = stipple_clinic() or stipple_all_clinics())', t.tbl);
    end loop;
end
$tenancy$;

do $grants$
declare
    app_role text := '${stipple_app_role}';
begin
    if app_role = '' or app_role = current_user
            or not exists (select 1 from pg_roles where rolname = app_role) then
        raise notice 'stipple: runtime role % absent or the migrating role itself: no grants given', app_role;
        return;
    end if;
    execute format('grant usage on schema %I to %I', current_schema(), app_role);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', current_schema(), app_role);
    execute format('grant usage, select on all sequences in schema %I to %I', current_schema(), app_role);
    execute format('grant execute on all functions in schema %I to %I', current_schema(), app_role);
    -- Flyway's own history is not the application's to change
    execute format('revoke insert, update, delete on %I.flyway_schema_history from %I', current_schema(), app_role);
end
$grants$;
