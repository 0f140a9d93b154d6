-- At most one open project (ACTIVE or MOVED, ProjectState.OPEN) per municipality: the H2 twin of
-- db/migration/postgresql/V7 (a partial unique index, which H2 does not have). The generated column holds the
-- municipality number while the project is open and null after (nulls do not collide in a unique constraint).
alter table implementation_project add column open_municipality_number varchar(4)
    generated always as (case when state in ('ACTIVE', 'MOVED') then municipality_number end);
alter table implementation_project add constraint ux_project_open_municipality unique (open_municipality_number);
