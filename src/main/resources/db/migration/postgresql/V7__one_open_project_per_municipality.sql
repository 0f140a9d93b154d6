-- At most one open project (ACTIVE or MOVED, ProjectState.OPEN) per municipality. The municipality's row lock in
-- ProjectService.register is what keeps registrations apart; this index makes the database refuse a second open
-- project however it would come (a future code path, a hand-written statement). The H2 twin of this migration
-- (db/migration/h2) says the same with a generated column, as H2 has no partial indexes.
create unique index ux_project_open_municipality on implementation_project (municipality_number)
    where state in ('ACTIVE', 'MOVED');
