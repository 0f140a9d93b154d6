-- Milestones a project has reached keep their dates when its wave or the project moves (issue 13): the day the
-- pre-project and the main project started and the day it went live. Null while the milestone lies ahead.
alter table implementation_project add column pre_project_started_on date;
alter table implementation_project add column main_project_started_on date;
alter table implementation_project add column went_live_on date;

-- How many municipalities (and optionally inhabitants) a wave can take; null = no limit set.
alter table wave add column capacity_municipalities integer;
alter table wave add column capacity_inhabitants integer;
